package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a {@code SeatReserved}: nothing pays for the booking, the seat is to be released. Decided once per
 * booking.
 *
 * @param organizationId the organisation
 * @param bookingId      the booking (also the record key)
 * @param sessionId      the session
 * @param memberId       who booked
 * @param reason         {@code nothing-covers} (no membership or pass covers this date, site and activity),
 *                       {@code no-credits-left} (a pass covers it but is used up), {@code weekly-limit-reached}, or
 *                       {@code booking-cancelled} (the cancellation arrived first)
 * @param refusedAt      when
 */
@JsonTypeName("palestra.subscriptions.CreditRefused.v1")
public record CreditRefused(UUID organizationId, UUID bookingId, UUID sessionId, UUID memberId, String reason,
                            Instant refusedAt) implements SubscriptionsEvent {
}
