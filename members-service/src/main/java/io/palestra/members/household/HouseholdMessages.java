package io.palestra.members.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * A household: an account holder and the people linked to it, of any age. The holder receives the household's
 * communications and pays for it. A member belongs to one household at most.
 */
public final class HouseholdMessages {

    private HouseholdMessages() {
    }

    public record CreateHousehold(@TargetAggregateIdentifier UUID householdId, UUID organizationId, UUID holderId) {
    }

    public record AddHouseholdMember(@TargetAggregateIdentifier UUID householdId, UUID memberId) {
    }

    public record RemoveHouseholdMember(@TargetAggregateIdentifier UUID householdId, UUID memberId) {
    }

    public record ChangeHouseholdHolder(@TargetAggregateIdentifier UUID householdId, UUID memberId) {
    }

    public record DissolveHousehold(@TargetAggregateIdentifier UUID householdId) {
    }

    /** An erased member leaves; a household whose holder was erased is dissolved. */
    public record DropErasedMember(@TargetAggregateIdentifier UUID householdId, UUID memberId) {
    }

    public record HouseholdCreated(UUID householdId, UUID organizationId, UUID holderId) {
    }

    public record MemberJoinedHousehold(UUID householdId, UUID organizationId, UUID memberId) {
    }

    public record MemberLeftHousehold(UUID householdId, UUID organizationId, UUID memberId) {
    }

    public record HouseholdHolderChanged(UUID householdId, UUID organizationId, UUID formerHolderId, UUID holderId) {
    }

    public record HouseholdDissolved(UUID householdId, UUID organizationId) {
    }
}
