package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.DuplicateSuggestions;
import io.palestra.members.member.MemberQueries.FindDuplicates;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MergeMessages.MergeMembers;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Duplicates: the suggestions staff can act on, and the merge itself (bsport's "left kept, right removed": the record
 * of the path survives, {@code duplicateId} becomes a redirect to it).
 */
@RestController
@Tag(name = "Members")
class MemberMergeController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MemberAccess members;

    MemberMergeController(CommandGateway commands, QueryGateway queries, MemberAccess members) {
        this.commands = commands;
        this.queries = queries;
        this.members = members;
    }

    record MergeRequest(@NotNull UUID duplicateId) {
    }

    @PostMapping("/api/v1/members/{id}/merge")
    @PreAuthorize(MemberRoles.MANAGERS)
    @Operation(summary = "Merge a duplicate record into this one",
            description = "This record survives and takes the duplicate's notes, blacklist periods, tags, relations, "
                    + "consents (the most recent decision wins), and its e-mail, phone, addresses, emergency contacts "
                    + "and medical certificate where this one has none. The duplicate becomes a redirect: reading it "
                    + "answers this record, changing it is refused (member-merged). Both must be active and visible "
                    + "to the caller; a duplicate in a household is refused (duplicate-in-household).")
    ResponseEntity<MemberView> merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request, Caller caller) {
        members.active(caller, id);
        MemberView duplicate = members.active(caller, request.duplicateId());
        if (!duplicate.id().equals(request.duplicateId())) {
            throw Member.mergedRefusal(duplicate.id());
        }
        commands.sendAndWait(new MergeMembers(id, request.duplicateId(), caller.subject()));
        members.caughtUp(request.duplicateId());
        return members.afterChange(caller, id);
    }

    @GetMapping("/api/v1/members/duplicates")
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Possible duplicates: active members sharing an e-mail, a phone, or a name and birth date",
            description = "Groups of members, the oldest record first, each with the reason (same-email, "
                    + "same-phone, same-name-and-birth-date); within the caller's sites.")
    DuplicateSuggestions duplicates(@RequestParam(defaultValue = "50") int limit, Caller caller) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be between 1 and 500");
        }
        return queries.query(new FindDuplicates(caller.organization(), caller.siteIds().orElse(null), limit),
                ResponseTypes.instanceOf(DuplicateSuggestions.class)).join();
    }
}
