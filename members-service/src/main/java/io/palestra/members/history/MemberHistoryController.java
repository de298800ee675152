package io.palestra.members.history;

import io.palestra.members.history.MemberHistoryQueries.FindMemberHistory;
import io.palestra.members.history.MemberHistoryQueries.FindRecordAsOf;
import io.palestra.members.history.MemberHistoryQueries.HistoryAnswer;
import io.palestra.members.history.MemberHistoryQueries.HistoryPage;
import io.palestra.members.history.MemberHistoryQueries.RecordAsOf;
import io.palestra.members.member.MemberAccess;
import io.palestra.members.member.MemberRoles;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Who changed what in a member record, and when; or the record as it was at an instant. Internal notes are part of
 * it, so staff at the desk and above only. One operation, so that the API description shows both answers. No
 * {@code @Validated}: Spring MVC checks the parameters itself and answers a validation-failed problem (400).
 */
@RestController
@RequestMapping("/api/v1/members/{id}/history")
@Tag(name = "Members")
class MemberHistoryController {

    private final QueryGateway queries;
    private final MemberAccess members;

    MemberHistoryController(QueryGateway queries, MemberAccess members) {
        this.queries = queries;
        this.members = members;
    }

    @GetMapping
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Every change of the member record, oldest first, with who made it and old and new values;"
            + " or, with asOf, the record as it was at that instant",
            description = "Each entry: sequence, at, actor (null when unknown), change (a kebab-case name such as "
                    + "member-registered or identity-changed) and changes [{field, from, to}]; nested fields are "
                    + "dotted (notes.<noteId>.text). Page with limit and after (the nextAfter of the previous page). "
                    + "With asOf: the record folded from the changes made up to that instant, included, and the "
                    + "sequence of the last of them; 404 if the member was not registered yet. Once a member is "
                    + "erased, its personal values read as null.")
    HistoryAnswer history(@PathVariable UUID id,
                          @Parameter(description = "An ISO-8601 instant, such as 2026-03-01T09:30:00Z")
                          @RequestParam(required = false) String asOf,
                          @Parameter(description = "Only changes with a greater sequence")
                          @RequestParam(required = false) @Min(0) Long after,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                          Caller caller) {
        Instant instant = asOf == null ? null : instant(asOf);
        members.visible(caller, id);
        if (instant == null) {
            return queries.query(new FindMemberHistory(id, after == null ? -1 : after, limit), HistoryPage.class)
                    .join();
        }
        return queries.query(new FindRecordAsOf(id, instant), ResponseTypes.optionalInstanceOf(RecordAsOf.class))
                .join()
                .orElseThrow(() -> new NotFoundException("member-not-found",
                        "Member " + id + " was not registered yet at " + instant + "."));
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("asOf", "must be an ISO-8601 instant such as 2026-03-01T09:30:00Z");
        }
    }
}
