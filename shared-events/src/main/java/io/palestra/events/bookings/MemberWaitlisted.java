package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * The session was full: the booking waits. Nothing is paid while waiting; a promotion holds a seat
 * ({@link SeatReserved}) and is paid then.
 *
 * @param organizationId the organisation
 * @param siteId         where the session takes place
 * @param sessionId      the session (also the record key)
 * @param bookingId      the waiting booking
 * @param memberId       who waits
 * @param position       place in line when joining (1 is next); null for a first come, first served waitlist
 * @param waitlistedAt   when
 */
@JsonTypeName("palestra.bookings.MemberWaitlisted.v1")
public record MemberWaitlisted(UUID organizationId, UUID siteId, UUID sessionId, UUID bookingId, UUID memberId,
                               @Nullable Integer position, Instant waitlistedAt) implements BookingsEvent {
}
