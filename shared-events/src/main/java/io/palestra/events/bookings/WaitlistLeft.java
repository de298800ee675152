package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * A waiting booking left the waitlist (the member or staff withdrew it); everyone behind moves up one place.
 *
 * @param organizationId the organisation
 * @param siteId         where the session takes place
 * @param sessionId      the session (also the record key)
 * @param bookingId      the booking that waited
 * @param memberId       who waited
 * @param leftAt         when
 */
@JsonTypeName("palestra.bookings.WaitlistLeft.v1")
public record WaitlistLeft(UUID organizationId, UUID siteId, UUID sessionId, UUID bookingId, UUID memberId,
                           Instant leftAt) implements BookingsEvent {
}
