package io.palestra.members.member;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.palestra.members.member.ConsentMessages.ConsentDecision;
import io.palestra.members.member.ConsentMessages.ConsentTopic;
import io.palestra.members.member.ConsentMessages.RecordConsents;
import io.palestra.members.member.MemberQueries.ConsentDecisionView;
import io.palestra.members.member.MemberQueries.FindConsentHistory;
import io.palestra.members.member.MemberQueries.FindOptedIn;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MemberQueries.OptedInPage;
import io.palestra.members.member.MemberQueries.OptedInRow;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Members' consents: to be reached by e-mail, SMS, push or post, and to each marketing preference the organisation
 * offers. Every decision is kept with its source, when it was expressed and who recorded it.
 */
@RestController
@Tag(name = "Members")
class MemberConsentController {

    /** A decision may be dated a little ahead, for clocks that drift; not more. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    private static final int EXPORT_PAGE = 1000;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MemberAccess members;
    private final Clock clock;

    MemberConsentController(CommandGateway commands, QueryGateway queries, MemberAccess members, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.members = members;
        this.clock = clock;
    }

    record ConsentsRequest(@NotEmpty @Size(max = 60) List<@Valid @NotNull DecisionRequest> decisions) {
    }

    /** One of {@code channel} and {@code preferenceId}; {@code decidedAt} defaults to now. */
    record DecisionRequest(Channel channel, UUID preferenceId, @NotNull Boolean granted,
                           @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}",
                                   message = "must be a short lower-case word such as front-desk or paper-form")
                           String source,
                           Instant decidedAt) {
    }

    @PostMapping("/api/v1/members/{id}/consents")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Record the member's decisions: yes or no to channels and marketing preferences",
            description = "All the decisions of one form are recorded together, or none. The most recently "
                    + "expressed decision per topic is the one in force (decidedAt, now by default).")
    ResponseEntity<MemberView> record(@PathVariable UUID id, @Valid @RequestBody ConsentsRequest request,
                                      Caller caller) {
        members.visible(caller, id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ConsentDecision> decisions = new ArrayList<>();
        List<InvalidField> problems = new ArrayList<>();
        for (int index = 0; index < request.decisions().size(); index++) {
            DecisionRequest decision = request.decisions().get(index);
            String field = "decisions[" + index + "]";
            if ((decision.channel() == null) == (decision.preferenceId() == null)) {
                problems.add(new InvalidField(field, "must name either a channel or a preferenceId"));
                continue;
            }
            Instant decidedAt = decision.decidedAt() == null ? now
                    : decision.decidedAt().truncatedTo(ChronoUnit.MICROS);
            if (decidedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
                problems.add(new InvalidField(field + ".decidedAt", "must not be in the future"));
                continue;
            }
            ConsentTopic topic = decision.channel() != null ? ConsentTopic.of(decision.channel())
                    : ConsentTopic.of(decision.preferenceId());
            decisions.add(new ConsentDecision(topic, decision.granted(), decision.source(), decidedAt));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        commands.sendAndWait(new RecordConsents(id, decisions));
        return members.afterChange(caller, id);
    }

    @GetMapping("/api/v1/members/{id}/consents/history")
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Every consent decision recorded for the member, newest first")
    List<ConsentDecisionView> history(@PathVariable UUID id, Caller caller) {
        members.visible(caller, id);
        return queries.query(new FindConsentHistory(caller.organization(), id),
                ResponseTypes.multipleInstancesOf(ConsentDecisionView.class)).join();
    }

    @GetMapping(value = "/api/v1/members/opted-in", produces = "text/csv")
    @PreAuthorize(MemberRoles.MANAGERS)
    @Operation(summary = "The e-mails of the members who opted in to a marketing preference, as CSV",
            description = "Members who said yes to the preference and to the e-mail channel, have an e-mail and "
                    + "are not erased, in the caller's sites. Streamed page by page.")
    ResponseEntity<StreamingResponseBody> optedIn(@RequestParam UUID preferenceId, Caller caller) {
        UUID organization = caller.organization();
        Set<UUID> sites = caller.siteIds().map(HashSet::new).orElse(null);
        StreamingResponseBody body = output -> {
            OutputStreamWriter writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().build(writer);
            csv.writeRecord("email", "first_name", "last_name", "member_code", "language", "opted_in_at", "source");
            String cursor = null;
            do {
                OptedInPage page = queries.query(new FindOptedIn(organization, sites, preferenceId, EXPORT_PAGE,
                        cursor), OptedInPage.class).join();
                for (OptedInRow row : page.rows()) {
                    csv.writeRecord(row.email(), row.firstName(), row.lastName(), row.memberCode(),
                            row.language() == null ? "" : row.language(), row.optedInAt().toString(), row.source());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            csv.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"opted-in-" + preferenceId + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }
}
