package io.palestra.members.integration;

import io.palestra.events.members.HouseholdChanged;
import io.palestra.members.household.HouseholdMessages.HouseholdCreated;
import io.palestra.members.household.HouseholdMessages.HouseholdDissolved;
import io.palestra.members.household.HouseholdMessages.HouseholdHolderChanged;
import io.palestra.members.household.HouseholdMessages.MemberJoinedHousehold;
import io.palestra.members.household.HouseholdMessages.MemberLeftHousehold;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A household folded from its events, for the whole-state {@link HouseholdChanged}. */
final class HouseholdFold {

    private UUID organizationId;
    private UUID householdId;
    private UUID holderId;
    private final Set<UUID> members = new LinkedHashSet<>();

    static boolean changesHousehold(Object event) {
        return event instanceof HouseholdCreated || event instanceof MemberJoinedHousehold
                || event instanceof MemberLeftHousehold || event instanceof HouseholdHolderChanged
                || event instanceof HouseholdDissolved;
    }

    void apply(Object event) {
        if (event instanceof HouseholdCreated created) {
            organizationId = created.organizationId();
            householdId = created.householdId();
            holderId = created.holderId();
            members.add(created.holderId());
        } else if (event instanceof MemberJoinedHousehold joined) {
            members.add(joined.memberId());
        } else if (event instanceof MemberLeftHousehold left) {
            members.remove(left.memberId());
        } else if (event instanceof HouseholdHolderChanged changed) {
            holderId = changed.holderId();
        } else if (event instanceof HouseholdDissolved) {
            holderId = null;
            members.clear();
        }
    }

    HouseholdChanged household() {
        List<UUID> holderFirst = new ArrayList<>();
        if (holderId != null) {
            holderFirst.add(holderId);
        }
        members.stream().filter(member -> !member.equals(holderId)).forEach(holderFirst::add);
        return new HouseholdChanged(organizationId, householdId, holderId, holderFirst);
    }
}
