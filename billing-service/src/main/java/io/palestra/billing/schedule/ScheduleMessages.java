package io.palestra.billing.schedule;

import io.palestra.platform.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Commands and events of upcoming payments (paiements à venir). */
public final class ScheduleMessages {

    /**
     * How an upcoming payment is made on its day: a postdated cheque is deposited, a direct debit or a stored card is
     * collected by the payment provider.
     */
    public static final Set<String> METHODS = Set.of("cheque", "direct-debit", "card");

    private ScheduleMessages() {
    }

    /**
     * @param invoiceId the invoice it pays, or null: money for the member's account (a deposit)
     * @param reference the cheque's number, the mandate or the stored card
     * @param today     the organisation's day, which {@code dueOn} may not be before
     */
    public record SchedulePayment(@TargetAggregateIdentifier UUID scheduledPaymentId, UUID organizationId,
                                  UUID siteId, UUID memberId, UUID invoiceId, String method, Money amount,
                                  LocalDate dueOn, String reference, LocalDate today, String actor, Instant at) {
    }

    /** Every field but the actor's may be null: unchanged. */
    public record ChangeScheduledPayment(@TargetAggregateIdentifier UUID scheduledPaymentId, String method,
                                         Money amount, LocalDate dueOn, String reference, LocalDate today,
                                         String actor, Instant at) {
    }

    public record CancelScheduledPayment(@TargetAggregateIdentifier UUID scheduledPaymentId, String reason,
                                         String actor, Instant at) {
    }

    /** Its day has come (sent by the wake-up poller). */
    public record MakeScheduledPaymentDue(@TargetAggregateIdentifier UUID scheduledPaymentId, Instant at) {
    }

    /** What depositing or collecting it gave. */
    public record RecordScheduledOutcome(@TargetAggregateIdentifier UUID scheduledPaymentId, int attempt,
                                         boolean made, UUID paymentId, String reason, Instant at) {
    }

    public record PaymentScheduled(UUID scheduledPaymentId, UUID organizationId, UUID siteId, UUID memberId,
                                   UUID invoiceId, String method, Money amount, LocalDate dueOn, String reference,
                                   String actor, Instant at) {
    }

    /** The whole of what it is now. */
    public record ScheduledPaymentChanged(UUID scheduledPaymentId, String method, Money amount, LocalDate dueOn,
                                          String reference, String actor, Instant at) {
    }

    public record ScheduledPaymentCancelled(UUID scheduledPaymentId, String reason, String actor, Instant at) {
    }

    /** @param attempt the first day it fell due is attempt 1; each new date set after a failure, one more */
    public record ScheduledPaymentDue(UUID scheduledPaymentId, UUID organizationId, UUID siteId, UUID memberId,
                                      UUID invoiceId, String method, Money amount, String reference, int attempt,
                                      Instant at) {
    }

    /** @param paymentId the invoice's payment, or the account entry of a deposit */
    public record ScheduledPaymentMade(UUID scheduledPaymentId, UUID paymentId, Instant at) {
    }

    public record ScheduledPaymentFailed(UUID scheduledPaymentId, String reason, Instant at) {
    }
}
