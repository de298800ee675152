package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A cancelled booking got back exactly what paid for it, once.
 *
 * @param organizationId the organisation
 * @param bookingId      the booking (also the record key)
 * @param sessionId      the session
 * @param memberId       who had booked
 * @param paidBy         {@code membership} or {@code pass}
 * @param payerId        the subscription or the pass
 * @param credits        credits given back to the pass; 0 for a membership
 * @param balance        the pass's balance after, null for a membership or an unlimited pass
 * @param restoredAt     when
 */
@JsonTypeName("palestra.subscriptions.CreditRestored.v1")
public record CreditRestored(UUID organizationId, UUID bookingId, UUID sessionId, UUID memberId, String paidBy,
                             UUID payerId, int credits, @Nullable Integer balance, Instant restoredAt)
        implements SubscriptionsEvent {
}
