package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * Nothing paid for a held seat: the booking is refused and its seat freed (the next in line may take it).
 *
 * @param organizationId the organisation
 * @param siteId         where the session takes place
 * @param sessionId      the session (also the record key)
 * @param bookingId      the booking
 * @param memberId       who asked
 * @param reason         subscription-service's reason code, e.g. {@code no-credits-left}, {@code no-cover}
 * @param refusedAt      when
 */
@JsonTypeName("palestra.bookings.BookingRefused.v1")
public record BookingRefused(UUID organizationId, UUID siteId, UUID sessionId, UUID bookingId, UUID memberId,
                             String reason, Instant refusedAt) implements BookingsEvent {
}
