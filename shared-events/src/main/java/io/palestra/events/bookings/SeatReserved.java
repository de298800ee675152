package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * A seat of a session (or a slot of a resource) is held for a member, pending payment: subscription-service answers
 * with {@code CreditConsumed} (what paid) or {@code CreditRefused} (why not), keyed by the booking. Delivered at least
 * once: the answer is decided once per booking id, however often this arrives.
 *
 * @param organizationId the organisation
 * @param siteId         where the session takes place
 * @param sessionId      the session (also the record key: a session's seats stay in order)
 * @param bookingId      the booking the seat is held for
 * @param memberId       who will attend
 * @param activityType   what the session is, e.g. {@code yoga}; matched against what memberships and passes cover
 * @param startsAt       when the session starts
 * @param credits        credits the session costs from a pass (a membership that covers it costs none)
 * @param reservedAt     when the seat was held
 */
@JsonTypeName("palestra.bookings.SeatReserved.v1")
public record SeatReserved(UUID organizationId, UUID siteId, UUID sessionId, UUID bookingId, UUID memberId,
                           String activityType, Instant startsAt, int credits, Instant reservedAt)
        implements BookingsEvent {
}
