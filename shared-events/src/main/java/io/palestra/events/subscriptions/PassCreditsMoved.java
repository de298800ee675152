package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One movement of a pass's credit ledger: credits left one account for another. The pass's balance is its own
 * account; the others are {@code sold} (issue), {@code bookings} (consume, restore), {@code attendance} (a manual
 * deduction), {@code expired}, {@code cancelled} and {@code adjustments}.
 *
 * @param organizationId the organisation
 * @param passId         the pass (also the record key)
 * @param memberId       the holder
 * @param movement       {@code issue}, {@code consume}, {@code restore}, {@code deduct}, {@code expire},
 *                       {@code cancel} or {@code adjust}
 * @param from           the account debited
 * @param to             the account credited
 * @param credits        how many credits moved (positive)
 * @param balance        the pass's balance after, null for an unlimited pass
 * @param bookingId      the booking that consumed or got back the credits, or null
 * @param reason         staff's words for a deduction or adjustment, or null
 * @param movedAt        when
 * @param attendedOn     for a deduction: the day of the attendance it pays for (booking-service records the
 *                       attendance); null otherwise
 */
@JsonTypeName("palestra.subscriptions.PassCreditsMoved.v1")
public record PassCreditsMoved(UUID organizationId, UUID passId, UUID memberId, String movement, String from,
                               String to, int credits, @Nullable Integer balance, @Nullable UUID bookingId,
                               @Nullable String reason, Instant movedAt, @Nullable LocalDate attendedOn)
        implements SubscriptionsEvent {
}
