package io.palestra.members.member;

import io.palestra.platform.web.PageCursor;
import io.palestra.members.member.MemberMessages.RegisterMember;
import io.palestra.members.member.MemberQueries.CountMembers;
import io.palestra.members.member.MemberQueries.FindMember;
import io.palestra.members.member.MemberQueries.FrontDesk;
import io.palestra.members.member.MemberQueries.MedicalCertificate;
import io.palestra.members.member.MemberQueries.MemberCounts;
import io.palestra.members.member.MemberQueries.MemberPage;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MemberQueries.SearchMembers;
import io.palestra.members.organization.OrganizationQueries.FindOrganization;
import io.palestra.members.organization.OrganizationQueries.OrganizationView;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.security.Role;
import io.palestra.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
@Validated
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "The member record")
class MemberController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    MemberController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Register a member at a site; the member code is assigned by the platform")
    ResponseEntity<MemberView> register(@Valid @RequestBody RegisterMemberRequest request, Caller caller) {
        UUID organizationId = caller.organization();
        OrganizationView organization = queries.query(new FindOrganization(organizationId),
                        ResponseTypes.optionalInstanceOf(OrganizationView.class)).join()
                .orElseThrow(() -> NotFoundException.of("organization", organizationId));
        if (organization.sites().stream()
                .noneMatch(site -> site.id().equals(request.siteId()) && caller.sees(site.id()))) {
            throw new RuleViolationException("unknown-site", "Site " + request.siteId() + " is not one of your sites.");
        }
        String region = request.country() != null ? request.country()
                : Locale.forLanguageTag(organization.locale()).getCountry();
        ContactDetails.Result email = ContactDetails.email(request.email());
        ContactDetails.Result phone = ContactDetails.phone(request.phone(), region.isEmpty() ? null : region);
        List<InvalidField> problems = new ArrayList<>();
        email.problem().ifPresent(problems::add);
        phone.problem().ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        UUID memberId = UUID.randomUUID();
        Gender gender = request.gender() != null ? request.gender() : Gender.UNDISCLOSED;
        // PostgreSQL keeps microseconds: the answer shows the instant as it will read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RegisterMember command = new RegisterMember(memberId, organizationId, request.siteId(), request.firstName(),
                request.lastName(), email.value().orElse(null), phone.value().orElse(null), request.birthDate(),
                gender, request.country(), now);
        commands.sendAndWait(command);
        readYourWrites.await(MemberDirectory.GROUP, memberId.toString());

        MemberView view = queries.query(new FindMember(organizationId, null, memberId),
                ResponseTypes.optionalInstanceOf(MemberView.class)).join().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/members/" + memberId)).eTag(Versions.etag(view.version()))
                .body(view);
    }

    @GetMapping("/{id}")
    @PreAuthorize(MemberRoles.READERS)
    @Operation(summary = "Read a member record; a record merged into another answers as that one (Content-Location)")
    ResponseEntity<MemberView> get(@PathVariable UUID id, Caller caller, WebRequest request) {
        MemberView view = queries.query(new FindMember(caller.organization(), caller.siteIds().orElse(null), id),
                        ResponseTypes.optionalInstanceOf(MemberView.class)).join()
                .orElseThrow(() -> NotFoundException.of("member", id));
        if (request.checkNotModified(Versions.etag(view.version()))) {
            return null;
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(Versions.etag(view.version()));
        if (!view.id().equals(id)) {
            // the record was merged into this one
            answer.header(HttpHeaders.CONTENT_LOCATION, "/api/v1/members/" + view.id());
        }
        return answer.body(seenBy(caller, view));
    }

    @GetMapping
    @PreAuthorize(MemberRoles.READERS)
    @Operation(summary = "List and search members",
            description = "Filters combine (and). Sorted by name (the default), created or lastChange; a leading - "
                    + "reverses. Keyset pagination: pass nextCursor as cursor, with the same filters and sort.")
    MemberPage search(@Valid MemberListParams filters,
                      @RequestParam(defaultValue = "name") String sort,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                      @RequestParam(required = false) String cursor,
                      Caller caller) {
        MemberSort order = sortOf(sort);
        PageCursor after = cursor == null || cursor.isBlank() ? null
                : PageCursor.decode(cursor).requireSort(order.value());
        MemberPage page = queries.query(new SearchMembers(caller.organization(), filters.filter(caller), order, limit,
                after), MemberPage.class).join();
        return new MemberPage(page.items().stream().map(member -> seenBy(caller, member)).toList(),
                page.nextCursor());
    }

    /** A coach (and no more) sees what a coach needs. */
    static MemberView seenBy(Caller caller, MemberView member) {
        return caller.has(Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.INTEGRATION) ? member
                : member.asSeenByCoach();
    }

    @GetMapping("/counts")
    @PreAuthorize(MemberRoles.READERS)
    @Operation(summary = "How many members the filters let through, per status",
            description = "The same filters as the list; status aside, every status is counted.")
    MemberCounts counts(@Valid MemberListParams filters, Caller caller) {
        return queries.query(new CountMembers(caller.organization(), filters.filter(caller)), MemberCounts.class)
                .join();
    }

    static MemberSort sortOf(String sort) {
        try {
            return MemberSort.of(sort);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("sort", e.getMessage());
        }
    }
}
