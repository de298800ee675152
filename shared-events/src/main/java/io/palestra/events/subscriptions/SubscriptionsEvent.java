package io.palestra.events.subscriptions;

import io.palestra.events.PublishedEvent;

/**
 * Facts published by subscription-service on {@code palestra.subscriptions.events}: the offer catalog (membership
 * plans, class packs and appointment packs) as billing sells it; subscriptions, their statuses and installments;
 * passes and every movement of their credits; and the answers of the credit protocol to booking-service.
 */
public sealed interface SubscriptionsEvent extends PublishedEvent
        permits PlanPublished, PlanPriceChanged, PlanRetired, MemberSubscribed, SubscriptionStatusChanged,
        SubscriptionPlanChanged, InstallmentDue, PassIssued, PassActivated, PassExtended, PassEnded, PassCreditsMoved,
        CreditConsumed, CreditRefused, CreditRestored {
}
