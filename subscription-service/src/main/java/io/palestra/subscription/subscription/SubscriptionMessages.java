package io.palestra.subscription.subscription;

import io.palestra.platform.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and events of a member's subscription to a membership plan. Every command carries its instant. */
public final class SubscriptionMessages {

    private SubscriptionMessages() {
    }

    // Commands

    /**
     * @param startsOn          null: today in the site's time zone
     * @param validityMonths    null: open-ended
     * @param firstCollectionOn null: the start
     */
    public record Subscribe(UUID subscriptionId, UUID organizationId, UUID memberId, UUID siteId, UUID planId,
                            String category, LocalDate startsOn, Integer validityMonths, LocalDate firstCollectionOn,
                            SpecialOffer offer, PaymentMethod paymentMethod, Instant at) {
    }

    /** Brings the subscription up to {@code at}: what fell due, what began or ended. Sent by the wake-up poller. */
    public record CatchUp(@TargetAggregateIdentifier UUID subscriptionId, Instant at) {
    }

    /** @param from null: today */
    public record SchedulePause(@TargetAggregateIdentifier UUID subscriptionId, LocalDate from, LocalDate until,
                                String reason, Instant at, @TargetAggregateVersion Long expectedVersion) {
    }

    /** @param on null: today */
    public record Resume(@TargetAggregateIdentifier UUID subscriptionId, LocalDate on, Instant at) {
    }

    public record RequestCancellation(@TargetAggregateIdentifier UUID subscriptionId, String reason, Instant at) {
    }

    public record WithdrawCancellation(@TargetAggregateIdentifier UUID subscriptionId, Instant at) {
    }

    public record CancelNow(@TargetAggregateIdentifier UUID subscriptionId, String reason, Instant at) {
    }

    public record ChangePlan(@TargetAggregateIdentifier UUID subscriptionId, UUID planId, String category,
                             Instant at) {
    }

    public record SetPaymentMethod(@TargetAggregateIdentifier UUID subscriptionId, PaymentMethod paymentMethod,
                                   Instant at) {
    }

    public record RecordInstallmentPaid(@TargetAggregateIdentifier UUID subscriptionId, int number,
                                        UUID invoiceId, Instant at) {
    }

    public record RecordPaymentFailed(@TargetAggregateIdentifier UUID subscriptionId, int number, UUID invoiceId,
                                      String reason, Instant at) {
    }

    /** Pays a booking with this membership if it covers it; answers a {@link UseAnswer}, never refuses by error. */
    public record UseMembership(@TargetAggregateIdentifier UUID subscriptionId, UUID bookingId, UUID siteId,
                                String activityType, Instant sessionStartsAt, Instant at) {
    }

    /** @param refusal null when paid; else {@code not-covered} or {@code weekly-limit-reached} */
    public record UseAnswer(boolean paid, String refusal) {
    }

    public record GiveBackMembershipUse(@TargetAggregateIdentifier UUID subscriptionId, UUID bookingId,
                                        Instant at) {
    }

    /** The member moved to another home site: the subscription now belongs to it. */
    public record MoveSubscription(@TargetAggregateIdentifier UUID subscriptionId, UUID siteId, Instant at) {
    }

    /** The member was merged into another record: the subscription is now the survivor's. */
    public record ReassignSubscription(@TargetAggregateIdentifier UUID subscriptionId, UUID memberId, Instant at) {
    }

    /** The plan's prices changed for existing subscribers too: the next installments use the new price. */
    public record Reprice(@TargetAggregateIdentifier UUID subscriptionId, UUID planId, Money price,
                          java.util.Map<String, Money> categoryPrices, Instant at) {
    }

    // Events

    /** @param fixedLastDay the last day of a fixed term, before any pause; null when open-ended */
    public record Subscribed(UUID subscriptionId, UUID organizationId, UUID memberId, UUID siteId, String zone,
                             MembershipTerms terms, LocalDate startsOn, LocalDate fixedLastDay,
                             LocalDate firstCollectionOn, SpecialOffer offer, PaymentMethod paymentMethod,
                             Instant at) {
    }

    public record InstallmentLine(String kind, String description, Money amount) {
    }

    public record InstallmentFellDue(UUID subscriptionId, UUID organizationId, UUID memberId, UUID siteId,
                                     UUID planId, int number, LocalDate dueOn, LocalDate periodStart,
                                     LocalDate periodEnd, List<InstallmentLine> lines, Money amount,
                                     java.math.BigDecimal vatRate, PaymentMethod paymentMethod, Instant at) {
    }

    public record PauseScheduled(UUID subscriptionId, UUID organizationId, Pause pause, String reason, Instant at) {
    }

    /** The running pause ends early: the subscription resumes on {@code until}. */
    public record PauseShortened(UUID subscriptionId, UUID organizationId, LocalDate until, Instant at) {
    }

    /** The pause that had not begun will not happen. */
    public record PauseCalledOff(UUID subscriptionId, UUID organizationId, Instant at) {
    }

    public record CancellationRequested(UUID subscriptionId, UUID organizationId, LocalDate lastDay, String reason,
                                        Instant at) {
    }

    public record CancellationWithdrawn(UUID subscriptionId, UUID organizationId, Instant at) {
    }

    /** @param status cancelled or expired */
    public record SubscriptionEnded(UUID subscriptionId, UUID organizationId, SubscriptionStatus status,
                                    LocalDate lastDay, String reason, Instant at) {
    }

    /** From installment {@code fromInstallment} (its period starts on {@code effectiveOn}), the new plan's terms. */
    public record PlanChangeScheduled(UUID subscriptionId, UUID organizationId, UUID memberId, UUID fromPlanId,
                                      MembershipTerms terms, int fromInstallment, LocalDate effectiveOn,
                                      Instant at) {
    }

    public record PaymentMethodSet(UUID subscriptionId, UUID organizationId, PaymentMethod paymentMethod,
                                   Instant at) {
    }

    public record InstallmentPaid(UUID subscriptionId, UUID organizationId, int number, UUID invoiceId, Instant at) {
    }

    public record InstallmentPaymentFailed(UUID subscriptionId, UUID organizationId, int number, UUID invoiceId,
                                           String reason, Instant at) {
    }

    public record MembershipUsed(UUID subscriptionId, UUID organizationId, UUID bookingId, LocalDate sessionOn,
                                 Instant at) {
    }

    public record MembershipUseGivenBack(UUID subscriptionId, UUID organizationId, UUID bookingId, Instant at) {
    }

    /** From installment {@code fromInstallment}, the price per period is {@code price}. */
    public record SubscriptionRepriced(UUID subscriptionId, UUID organizationId, Money price, int fromInstallment,
                                       Instant at) {
    }

    public record SubscriptionMoved(UUID subscriptionId, UUID organizationId, UUID fromSiteId, UUID toSiteId,
                                    Instant at) {
    }

    public record SubscriptionReassigned(UUID subscriptionId, UUID organizationId, UUID fromMemberId,
                                         UUID toMemberId, Instant at) {
    }

    /**
     * The status staff read changed (the first one too, from null).
     *
     * @param lastDay the last day covered as it now stands, null when open-ended
     */
    public record StatusChanged(UUID subscriptionId, UUID organizationId, UUID memberId, SubscriptionStatus status,
                                SubscriptionStatus previous, String reason, LocalDate lastDay, LocalDate pauseFrom,
                                LocalDate pauseUntil, Instant at) {
    }

    /**
     * What comes next changed: the next installment, the last day, the commitment's end. For lists and work queues.
     *
     * @param nextDueOn null when nothing more falls due
     */
    public record OutlookChanged(UUID subscriptionId, UUID organizationId, LocalDate nextDueOn, Money nextAmount,
                                 LocalDate lastDay, LocalDate commitmentEndsOn, Instant at) {
    }
}
