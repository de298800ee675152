package io.palestra.platform.testapp;

import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.testapp.Clubs.ClubView;
import io.palestra.platform.testapp.Clubs.FindClub;
import io.palestra.platform.testapp.Clubs.OpenClub;
import io.palestra.platform.testapp.Clubs.RenameClub;
import io.palestra.platform.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clubs")
class ClubController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    ClubController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    record OpenClubRequest(@NotBlank @Size(max = 50) String name) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OWNER', 'MANAGER')")
    ResponseEntity<ClubView> open(@Valid @RequestBody OpenClubRequest request, Caller caller) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new OpenClub(id, caller.organization(), request.name()));
        readYourWrites.await(ClubDirectory.GROUP, id.toString());
        ClubView view = find(caller, id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/clubs/" + id)).eTag(Versions.etag(view.version()))
                .body(view);
    }

    @GetMapping("/{id}")
    ResponseEntity<ClubView> get(@PathVariable UUID id, Caller caller) {
        ClubView view = find(caller, id).orElseThrow(() -> NotFoundException.of("club", id));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PutMapping("/{id}/name")
    @PreAuthorize("hasAnyRole('OWNER', 'MANAGER')")
    ResponseEntity<ClubView> rename(@PathVariable UUID id, @Valid @RequestBody OpenClubRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    Caller caller) {
        find(caller, id).orElseThrow(() -> NotFoundException.of("club", id));
        commands.sendAndWait(new RenameClub(id, request.name(), Versions.expected(ifMatch)));
        readYourWrites.await(ClubDirectory.GROUP, id.toString());
        ClubView view = find(caller, id).orElseThrow();
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private Optional<ClubView> find(Caller caller, UUID id) {
        return queries.query(new FindClub(caller.organization(), id), ResponseTypes.optionalInstanceOf(ClubView.class))
                .join();
    }
}
