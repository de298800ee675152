package io.palestra.members.member;

import io.palestra.members.member.BlacklistMessages.BlacklistMember;
import io.palestra.members.member.BlacklistMessages.LiftBlacklistPeriod;
import io.palestra.members.member.MemberQueries.BlacklistPeriodView;
import io.palestra.members.member.RecordRequests.BlacklistPeriodRequest;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Barring a member from booking online during periods. The periods in force are part of the member record
 * ({@code blacklist}, and {@code blacklisted} when today is inside one).
 */
@RestController
@RequestMapping("/api/v1/members/{id}/blacklist-periods")
@Tag(name = "Members")
class MemberBlacklistController {

    private final CommandGateway commands;
    private final MemberAccess members;

    MemberBlacklistController(CommandGateway commands, MemberAccess members) {
        this.commands = commands;
        this.members = members;
    }

    @PostMapping
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Bar the member from booking online from one day to another, both included",
            description = "Leave until out for a period with no end. The reason is shown to staff only.")
    ResponseEntity<BlacklistPeriodView> blacklist(@PathVariable UUID id,
                                                  @Valid @RequestBody BlacklistPeriodRequest request,
                                                  Caller caller) {
        members.visible(caller, id);
        UUID periodId = UUID.randomUUID();
        commands.sendAndWait(new BlacklistMember(id, periodId, request.from(), request.until(),
                RecordRequests.blankToNull(request.reason()), caller.subject()));
        BlacklistPeriodView period = members.afterChange(caller, id).getBody().blacklist().stream()
                .filter(candidate -> candidate.id().equals(periodId)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/members/" + id + "/blacklist-periods/" + periodId))
                .body(period);
    }

    @DeleteMapping("/{periodId}")
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Lift a blacklist period: the member may book online on those days again")
    ResponseEntity<Void> lift(@PathVariable UUID id, @PathVariable UUID periodId, Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new LiftBlacklistPeriod(id, periodId, caller.subject()));
        members.afterChange(caller, id);
        return ResponseEntity.noContent().build();
    }
}
