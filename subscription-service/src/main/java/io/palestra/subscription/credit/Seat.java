package io.palestra.subscription.credit;

import java.time.Instant;
import java.util.UUID;

/**
 * A seat held by booking-service that something must pay for (from {@code SeatReserved}).
 *
 * @param credits what the session costs from a pass
 */
public record Seat(UUID organizationId, UUID siteId, UUID sessionId, UUID bookingId, UUID memberId,
                   String activityType, Instant startsAt, int credits) {
}
