package io.palestra.subscription.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What narrows the subscription list; every part optional.
 *
 * @param statuses  any of these statuses
 * @param siteIds   any of these sites; null: every site (a token limited to sites always sets it)
 * @param queue     one work queue: needs-mandate, payment-failed, ending-soon, payment-due-soon
 * @param today     the day the queues count from (the organisation's)
 */
public record SubscriptionFilter(List<String> statuses, UUID planId, Set<UUID> siteIds, UUID memberId,
                                 Instant createdFrom, Instant createdTo, LocalDate endsFrom, LocalDate endsTo,
                                 LocalDate nextBillingFrom, LocalDate nextBillingTo, String queue, LocalDate today) {

    static final List<String> QUEUES = List.of("needs-mandate", "payment-failed", "ending-soon", "payment-due-soon");
    static final int SOON_DAYS = 7;

    public SubscriptionFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    SubscriptionFilter inQueue(String other) {
        return new SubscriptionFilter(statuses, planId, siteIds, memberId, createdFrom, createdTo, endsFrom, endsTo,
                nextBillingFrom, nextBillingTo, other, today);
    }
}
