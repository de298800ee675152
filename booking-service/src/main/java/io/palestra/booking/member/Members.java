package io.palestra.booking.member;

import io.palestra.platform.errors.NotFoundException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What booking-service knows of members, from members-service's events and profiles. */
public interface Members {

    /** A member of {@code organizationId} known here, whatever became of it (merged, erased). */
    Optional<Member> find(UUID organizationId, UUID memberId);

    /** Whether staff barred the member from booking online on {@code day} (a blacklist period not lifted). */
    boolean barredOn(UUID memberId, LocalDate day);

    /** The member and every record merged into it: whose bookings are the member's. */
    List<UUID> aliases(UUID memberId);

    /**
     * A member of {@code organizationId} known here.
     *
     * @throws NotFoundException {@code member-not-found} for a member this organisation does not have, or one not
     *                           known here yet
     */
    default Member existing(UUID organizationId, UUID memberId) {
        return find(organizationId, memberId).orElseThrow(() -> new NotFoundException("member-not-found",
                "No member " + memberId + " in this organisation (a member registered a moment ago may take a "
                        + "second to reach bookings: retry)."));
    }

    /**
     * Whose bookings make a member's history: the member's and its merged records'.
     *
     * @throws NotFoundException {@code member-not-found} as {@link #existing}
     */
    default List<UUID> history(UUID organizationId, UUID memberId) {
        existing(organizationId, memberId);
        return aliases(memberId);
    }

    /** @param mergedInto the survivor when this record was merged into another; @param erased anonymized */
    record Member(UUID memberId, UUID mergedInto, boolean erased) {

        /** The record that stands for this one: itself, or its survivor. */
        public UUID current() {
            return mergedInto == null ? memberId : mergedInto;
        }
    }
}
