package io.palestra.members.household;

import java.util.Optional;
import java.util.UUID;

/**
 * Who belongs to which household: a set-based rule (one household per member), so it lives in a table written in
 * the same transaction as the household's events, never in a projection that may lag.
 */
public interface HouseholdMemberships {

    /** Enters {@code member} in {@code household}, or refuses when it already belongs to another one. */
    void claim(UUID member, UUID household);

    void release(UUID member, UUID household);

    /** The household {@code member} belongs to, as committed. */
    Optional<UUID> householdOf(UUID member);
}
