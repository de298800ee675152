package io.palestra.members.organization;

import io.palestra.members.organization.OrganizationMessages.AddSite;
import io.palestra.members.organization.OrganizationMessages.CreateOrganization;
import io.palestra.members.organization.OrganizationMessages.NewSite;
import io.palestra.members.organization.OrganizationMessages.RenameSite;
import io.palestra.members.organization.OrganizationQueries.FindOrganization;
import io.palestra.members.organization.OrganizationQueries.OrganizationView;
import io.palestra.members.organization.OrganizationQueries.SiteView;
import io.palestra.members.organization.OrganizationRequests.CreateOrganizationRequest;
import io.palestra.members.organization.OrganizationRequests.RenameSiteRequest;
import io.palestra.members.organization.OrganizationRequests.SiteRequest;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "Club chains and their sites")
class OrganizationController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    OrganizationController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Set up a club chain with its sites (platform admins)")
    ResponseEntity<OrganizationView> create(@Valid @RequestBody CreateOrganizationRequest request) {
        UUID id = UUID.randomUUID();
        List<NewSite> sites = request.sites().stream()
                .map(site -> new NewSite(UUID.randomUUID(), site.name(), site.timeZone(),
                        site.address() == null ? null : site.address().toAddress()))
                .toList();
        commands.sendAndWait(new CreateOrganization(id, request.name(), request.currency(), request.timeZone(),
                request.locale(), sites));
        readYourWrites.await(OrganizationDirectory.GROUP, id.toString());
        long version = sites.size();
        OrganizationView view = new OrganizationView(id, request.name().strip(), request.currency(),
                request.timeZone(), request.locale(),
                sites.stream().map(site -> new SiteView(site.siteId(), site.name().strip(), site.timeZone(),
                        site.address())).toList(), Instant.now(), version);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id)).eTag(Versions.etag(version))
                .body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an organisation and its sites")
    ResponseEntity<OrganizationView> get(@PathVariable UUID id, Caller caller, WebRequest request) {
        OrganizationView view = visible(id, caller);
        if (request.checkNotModified(Versions.etag(view.version()))) {
            return null;
        }
        List<SiteView> seen = view.sites().stream().filter(site -> caller.sees(site.id())).toList();
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(new OrganizationView(view.id(),
                view.name(), view.currency(), view.timeZone(), view.locale(), seen, view.createdAt(),
                view.version()));
    }

    @PostMapping("/{id}/sites")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OWNER')")
    @Operation(summary = "Open a new site in the chain")
    ResponseEntity<SiteView> addSite(@PathVariable UUID id, @Valid @RequestBody SiteRequest request,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                     Caller caller) {
        visible(id, caller);
        UUID siteId = UUID.randomUUID();
        SiteView site = new SiteView(siteId, request.name().strip(), request.timeZone(),
                request.address() == null ? null : request.address().toAddress());
        commands.sendAndWait(new AddSite(id, siteId, request.name(), request.timeZone(), site.address(),
                Versions.expected(ifMatch)));
        readYourWrites.await(OrganizationDirectory.GROUP, id.toString());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/sites/" + siteId)).body(site);
    }

    @PatchMapping(value = "/{id}/sites/{siteId}", consumes = {"application/json", "application/merge-patch+json"})
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OWNER', 'MANAGER')")
    @Operation(summary = "Rename a site")
    ResponseEntity<OrganizationView> renameSite(@PathVariable UUID id, @PathVariable UUID siteId,
                                                @Valid @RequestBody RenameSiteRequest request,
                                                @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                Caller caller) {
        visible(id, caller);
        if (!caller.sees(siteId)) {
            throw NotFoundException.of("site", siteId);
        }
        commands.sendAndWait(new RenameSite(id, siteId, request.name(), Versions.expected(ifMatch)));
        readYourWrites.await(OrganizationDirectory.GROUP, id.toString());
        OrganizationView view = visible(id, caller);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private OrganizationView visible(UUID id, Caller caller) {
        if (!caller.actsIn(id)) {
            throw NotFoundException.of("organization", id);
        }
        return queries.query(new FindOrganization(id), ResponseTypes.optionalInstanceOf(OrganizationView.class))
                .join()
                .orElseThrow(() -> NotFoundException.of("organization", id));
    }
}
