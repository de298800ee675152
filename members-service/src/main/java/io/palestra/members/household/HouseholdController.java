package io.palestra.members.household;

import io.palestra.members.household.HouseholdMessages.AddHouseholdMember;
import io.palestra.members.household.HouseholdMessages.ChangeHouseholdHolder;
import io.palestra.members.household.HouseholdMessages.CreateHousehold;
import io.palestra.members.household.HouseholdMessages.DissolveHousehold;
import io.palestra.members.household.HouseholdMessages.RemoveHouseholdMember;
import io.palestra.members.member.MemberAccess;
import io.palestra.members.member.MemberQueries.HouseholdView;
import io.palestra.members.member.MemberRoles;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * A member's household: the account holder, who receives the household's communications and pays for it, and the
 * people linked to it, of any age. Reached from any of its members' records.
 */
@RestController
@RequestMapping("/api/v1/members/{id}/household")
@Tag(name = "Members")
class HouseholdController {

    private final CommandGateway commands;
    private final MemberAccess members;
    private final HouseholdMemberships memberships;

    HouseholdController(CommandGateway commands, MemberAccess members, HouseholdMemberships memberships) {
        this.commands = commands;
        this.members = members;
        this.memberships = memberships;
    }

    record MemberRequest(@NotNull UUID memberId) {
    }

    @GetMapping
    @PreAuthorize(MemberRoles.READERS)
    @Operation(summary = "The member's household, its holder first")
    HouseholdView household(@PathVariable UUID id, Caller caller) {
        HouseholdView household = members.visible(caller, id).household();
        if (household == null) {
            throw new NotFoundException("household-not-found", "Member " + id + " belongs to no household.");
        }
        return household;
    }

    @PostMapping
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Open a household held by this member")
    ResponseEntity<HouseholdView> create(@PathVariable UUID id, Caller caller) {
        members.active(caller, id);
        UUID household = UUID.randomUUID();
        commands.sendAndWait(new CreateHousehold(household, caller.organization(), id));
        return ResponseEntity.created(URI.create("/api/v1/members/" + id + "/household"))
                .body(afterChange(caller, id, household));
    }

    @PostMapping("/members")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Link a member to this household")
    HouseholdView add(@PathVariable UUID id, @Valid @RequestBody MemberRequest request, Caller caller) {
        UUID household = householdOf(caller, id);
        members.active(caller, request.memberId());
        commands.sendAndWait(new AddHouseholdMember(household, request.memberId()));
        return afterChange(caller, id, household);
    }

    @DeleteMapping("/members/{memberId}")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Unlink a member from this household (the holder must hand over first)")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID memberId, Caller caller) {
        UUID household = householdOf(caller, id);
        commands.sendAndWait(new RemoveHouseholdMember(household, memberId));
        members.caughtUp(household);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/holder")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Make another member of the household its holder")
    HouseholdView changeHolder(@PathVariable UUID id, @Valid @RequestBody MemberRequest request, Caller caller) {
        UUID household = householdOf(caller, id);
        commands.sendAndWait(new ChangeHouseholdHolder(household, request.memberId()));
        return afterChange(caller, id, household);
    }

    @DeleteMapping
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Dissolve the household: every member is on their own again")
    ResponseEntity<Void> dissolve(@PathVariable UUID id, Caller caller) {
        UUID household = householdOf(caller, id);
        commands.sendAndWait(new DissolveHousehold(household));
        members.caughtUp(household);
        return ResponseEntity.noContent().build();
    }

    /** The household of a member the caller may see, as committed (not as projected). */
    private UUID householdOf(Caller caller, UUID member) {
        members.visible(caller, member);
        return memberships.householdOf(member)
                .orElseThrow(() -> new NotFoundException("household-not-found",
                        "Member " + member + " belongs to no household."));
    }

    private HouseholdView afterChange(Caller caller, UUID member, UUID household) {
        members.caughtUp(household);
        return members.visible(caller, member).household();
    }
}
