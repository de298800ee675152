package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A booked member was marked present or absent (a no-show), or the mark was taken back: attendance (fréquentation).
 * The latest mark per booking counts.
 *
 * @param organizationId the organisation
 * @param siteId         where the session takes place
 * @param sessionId      the session (also the record key)
 * @param bookingId      the booking
 * @param memberId       who
 * @param attendance     {@code present}, {@code absent}, or null when the mark was taken back
 * @param checkIn        whether the member checked in at the desk (a walk-in's check-in is its booking, then this)
 * @param markedAt       when
 */
@JsonTypeName("palestra.bookings.AttendanceMarked.v1")
public record AttendanceMarked(UUID organizationId, UUID siteId, UUID sessionId, UUID bookingId, UUID memberId,
                               @Nullable String attendance, boolean checkIn, Instant markedAt)
        implements BookingsEvent {
}
