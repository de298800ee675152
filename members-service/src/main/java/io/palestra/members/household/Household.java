package io.palestra.members.household;

import io.palestra.members.household.HouseholdMessages.AddHouseholdMember;
import io.palestra.members.household.HouseholdMessages.ChangeHouseholdHolder;
import io.palestra.members.household.HouseholdMessages.CreateHousehold;
import io.palestra.members.household.HouseholdMessages.DissolveHousehold;
import io.palestra.members.household.HouseholdMessages.DropErasedMember;
import io.palestra.members.household.HouseholdMessages.HouseholdCreated;
import io.palestra.members.household.HouseholdMessages.HouseholdDissolved;
import io.palestra.members.household.HouseholdMessages.HouseholdHolderChanged;
import io.palestra.members.household.HouseholdMessages.MemberJoinedHousehold;
import io.palestra.members.household.HouseholdMessages.MemberLeftHousehold;
import io.palestra.members.household.HouseholdMessages.RemoveHouseholdMember;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A household: its holder and the people linked to it. Rules: a member belongs to one household at most; the holder
 * is one of the household; the holder leaves only by handing over or dissolving the household; at most
 * {@value #MAX_MEMBERS} people. Once dissolved, it changes no more.
 */
@Aggregate
public class Household {

    static final int MAX_MEMBERS = 20;

    @AggregateIdentifier
    private UUID householdId;
    private UUID organizationId;
    private UUID holderId;
    private final Set<UUID> members = new LinkedHashSet<>();
    private boolean dissolved;

    protected Household() {
    }

    @CommandHandler
    Household(CreateHousehold command, HouseholdMemberships memberships) {
        memberships.claim(command.holderId(), command.householdId());
        apply(new HouseholdCreated(command.householdId(), command.organizationId(), command.holderId()));
    }

    @CommandHandler
    void handle(AddHouseholdMember command, HouseholdMemberships memberships) {
        requireOpen();
        if (members.contains(command.memberId())) {
            return;
        }
        if (members.size() >= MAX_MEMBERS) {
            throw new RuleViolationException("household-full", "A household has at most " + MAX_MEMBERS + " people.");
        }
        memberships.claim(command.memberId(), householdId);
        apply(new MemberJoinedHousehold(householdId, organizationId, command.memberId()));
    }

    @CommandHandler
    void handle(RemoveHouseholdMember command, HouseholdMemberships memberships) {
        requireOpen();
        requireMember(command.memberId());
        if (command.memberId().equals(holderId)) {
            throw new RuleViolationException("holder-must-stay",
                    "The holder leaves the household only once another member holds it, or by dissolving it.");
        }
        memberships.release(command.memberId(), householdId);
        apply(new MemberLeftHousehold(householdId, organizationId, command.memberId()));
    }

    @CommandHandler
    void handle(ChangeHouseholdHolder command) {
        requireOpen();
        requireMember(command.memberId());
        if (!command.memberId().equals(holderId)) {
            apply(new HouseholdHolderChanged(householdId, organizationId, holderId, command.memberId()));
        }
    }

    @CommandHandler
    void handle(DissolveHousehold command, HouseholdMemberships memberships) {
        if (dissolved) {
            return;
        }
        members.forEach(member -> memberships.release(member, householdId));
        apply(new HouseholdDissolved(householdId, organizationId));
    }

    @CommandHandler
    void handle(DropErasedMember command, HouseholdMemberships memberships) {
        if (dissolved || !members.contains(command.memberId())) {
            return;
        }
        if (command.memberId().equals(holderId)) {
            members.forEach(member -> memberships.release(member, householdId));
            apply(new HouseholdDissolved(householdId, organizationId));
        } else {
            memberships.release(command.memberId(), householdId);
            apply(new MemberLeftHousehold(householdId, organizationId, command.memberId()));
        }
    }

    @EventSourcingHandler
    void on(HouseholdCreated event) {
        householdId = event.householdId();
        organizationId = event.organizationId();
        holderId = event.holderId();
        members.add(event.holderId());
    }

    @EventSourcingHandler
    void on(MemberJoinedHousehold event) {
        members.add(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberLeftHousehold event) {
        members.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(HouseholdHolderChanged event) {
        holderId = event.holderId();
    }

    @EventSourcingHandler
    void on(HouseholdDissolved event) {
        dissolved = true;
        members.clear();
    }

    private void requireOpen() {
        if (dissolved) {
            throw NotFoundException.of("household", householdId);
        }
    }

    private void requireMember(UUID member) {
        if (!members.contains(member)) {
            throw new RuleViolationException("not-in-household",
                    "Member " + member + " is not in this household.");
        }
    }
}
