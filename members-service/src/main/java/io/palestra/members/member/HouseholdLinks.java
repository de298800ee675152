package io.palestra.members.member;

import java.util.UUID;

/** Whether a member belongs to a household: a merge leaves household links to staff (kept by the household feature). */
public interface HouseholdLinks {

    boolean inHousehold(UUID memberId);
}
