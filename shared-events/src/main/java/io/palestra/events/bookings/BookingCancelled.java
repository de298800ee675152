package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking was cancelled (by staff, by the member, or with its session). With {@code recredit}, whatever paid for it
 * is given back exactly once: the pass's credits, or the membership's weekly allowance.
 *
 * @param organizationId the organisation
 * @param siteId         where the session takes place
 * @param sessionId      the session (also the record key)
 * @param bookingId      the cancelled booking
 * @param memberId       who had booked
 * @param recredit       whether what paid is given back
 * @param reason         why, e.g. {@code member}, {@code staff}, {@code session-cancelled}; free text may follow
 * @param cancelledAt    when
 * @param notifyMember   whether the member is to be told (staff choose; null in records older than the field)
 */
@JsonTypeName("palestra.bookings.BookingCancelled.v1")
public record BookingCancelled(UUID organizationId, UUID siteId, UUID sessionId, UUID bookingId, UUID memberId,
                               boolean recredit, @Nullable String reason, Instant cancelledAt,
                               @Nullable Boolean notifyMember)
        implements BookingsEvent {
}
