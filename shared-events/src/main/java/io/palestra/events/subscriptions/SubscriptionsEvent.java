package io.palestra.events.subscriptions;

import io.palestra.events.PublishedEvent;

/**
 * Facts published by subscription-service on {@code palestra.subscriptions.events}: the offer catalog (membership
 * plans, class packs and appointment packs) as billing sells it and analysts read it.
 */
public sealed interface SubscriptionsEvent extends PublishedEvent
        permits PlanPublished, PlanPriceChanged, PlanRetired {
}
