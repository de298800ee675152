package io.palestra.subscription.member;

import java.util.Set;
import java.util.UUID;

/** What subscription-service knows of members, from members-service's events: merges and households. */
public interface Members {

    /** The record that stands for {@code memberId}: itself, or the survivor it was merged into. */
    UUID current(UUID memberId);

    /** Everyone in the member's household, the member included; just the member when in none. */
    Set<UUID> household(UUID memberId);
}
