package io.palestra.subscription.credit;

import java.time.Instant;
import java.util.UUID;

/**
 * The credit protocol's view of memberships, which pay before any pass: a running membership of the member that
 * covers the session's date, site and activity, within its classes per week.
 */
public interface Memberships {

    /**
     * Pays for the seat with one of the member's memberships, in the caller's transaction, once per booking.
     *
     * @return the subscription that paid, or why none did
     */
    Answer use(Seat seat, Instant now);

    /** Gives the booking's use back to the subscription that paid for it (its weekly allowance), once. */
    void giveBack(UUID subscriptionId, UUID bookingId, Instant now);

    /**
     * @param subscriptionId the membership that paid, or null
     * @param refusal        when none paid but one covers the session and its weekly limit is reached:
     *                       {@code weekly-limit-reached}; otherwise null
     */
    record Answer(UUID subscriptionId, String refusal) {

        public static Answer none() {
            return new Answer(null, null);
        }

        public boolean paid() {
            return subscriptionId != null;
        }
    }
}
