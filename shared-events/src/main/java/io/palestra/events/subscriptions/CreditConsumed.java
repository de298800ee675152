package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a {@code SeatReserved}: the booking is paid. Decided once per booking.
 *
 * @param organizationId the organisation
 * @param bookingId      the booking (also the record key)
 * @param sessionId      the session
 * @param memberId       who booked
 * @param paidBy         {@code membership} or {@code pass}
 * @param payerId        the subscription or the pass that paid
 * @param credits        credits taken from the pass; 0 for a membership
 * @param balance        the pass's balance after, null for a membership or an unlimited pass
 * @param consumedAt     when
 */
@JsonTypeName("palestra.subscriptions.CreditConsumed.v1")
public record CreditConsumed(UUID organizationId, UUID bookingId, UUID sessionId, UUID memberId, String paidBy,
                             UUID payerId, int credits, @Nullable Integer balance, Instant consumedAt)
        implements SubscriptionsEvent {
}
