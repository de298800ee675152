package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Price;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A subscription moves to another membership plan from the start of its next period.
 *
 * @param organizationId the organisation
 * @param subscriptionId the subscription (also the record key)
 * @param memberId       the subscriber
 * @param fromPlanId     the plan until then
 * @param toPlanId       the plan from {@code effectiveOn}
 * @param price          the new price per period
 * @param effectiveOn    first day of the new plan: the start of the next period
 * @param changedAt      when the change was decided
 */
@JsonTypeName("palestra.subscriptions.SubscriptionPlanChanged.v1")
public record SubscriptionPlanChanged(UUID organizationId, UUID subscriptionId, UUID memberId, UUID fromPlanId,
                                      UUID toPlanId, Price price, LocalDate effectiveOn, Instant changedAt)
        implements SubscriptionsEvent {
}
