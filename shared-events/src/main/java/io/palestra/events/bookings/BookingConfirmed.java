package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A held seat was paid for: the member is booked. A booking that was waitlisted before (see {@link MemberWaitlisted})
 * was promoted: tell the member.
 *
 * @param organizationId the organisation
 * @param siteId         where the session takes place
 * @param sessionId      the session (also the record key)
 * @param bookingId      the booking
 * @param memberId       who is booked
 * @param paidBy         {@code membership} or {@code pass}
 * @param payerId        the subscription or pass that paid
 * @param credits        credits taken from the pass (0 for a membership)
 * @param confirmedAt    when
 */
@JsonTypeName("palestra.bookings.BookingConfirmed.v1")
public record BookingConfirmed(UUID organizationId, UUID siteId, UUID sessionId, UUID bookingId, UUID memberId,
                               @Nullable String paidBy, @Nullable UUID payerId, int credits, Instant confirmedAt)
        implements BookingsEvent {
}
