package io.palestra.subscription.subscription;

import io.palestra.platform.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reading subscriptions: one, a filtered list, the work queues. */
public final class SubscriptionQueries {

    private SubscriptionQueries() {
    }

    public record FindSubscription(UUID organizationId, UUID subscriptionId) {
    }

    public record ListInstallments(UUID organizationId, UUID subscriptionId) {
    }

    /** @param after the cursor of the previous page, or null */
    public record ListSubscriptions(UUID organizationId, SubscriptionFilter filter, SubscriptionSort sort, int limit,
                                    io.palestra.platform.web.PageCursor after) {
    }

    /** The work queues' counts, as of {@code today}. */
    public record CountQueues(UUID organizationId, SubscriptionFilter filter) {
    }

    /**
     * A subscription as staff read it.
     *
     * @param lastDay   the last day covered as it stands (fixed term, requested cancellation), null when open-ended
     * @param nextDueOn the next installment's due date, null when nothing more falls due
     */
    public record SubscriptionView(UUID id, UUID organizationId, UUID memberId, UUID siteId, UUID planId,
                                   String planName, String category, String period, Money price, String status,
                                   String statusReason, LocalDate startsOn, LocalDate lastDay,
                                   LocalDate commitmentEndsOn, LocalDate pauseFrom, LocalDate pauseUntil,
                                   LocalDate nextDueOn, Money nextAmount, PaymentMethod paymentMethod,
                                   boolean needsMandate, int failedInstallments, Instant createdAt, long version) {
    }

    /** @param status due, paid or failed */
    public record InstallmentView(int number, LocalDate dueOn, LocalDate periodStart, LocalDate periodEnd,
                                  Money amount, List<SubscriptionMessages.InstallmentLine> lines, String status,
                                  UUID invoiceId, String failureReason, Instant fellDueAt) {
    }

    public record InstallmentList(List<InstallmentView> items) {
    }

    public record SubscriptionPage(List<SubscriptionView> items, String nextCursor) {
    }

    /** The work queues of seed 003, each with its count. */
    public record QueueCounts(long needsMandate, long paymentFailed, long endingWithin7Days,
                              long paymentDueWithin7Days) {
    }
}
