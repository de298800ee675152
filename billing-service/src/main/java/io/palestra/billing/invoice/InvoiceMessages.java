package io.palestra.billing.invoice;

import io.palestra.platform.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and events of invoices: the cart (a draft), its issue under a gapless number, payments and collection. */
public final class InvoiceMessages {

    private InvoiceMessages() {
    }

    // --- the cart ---

    /**
     * Opens a cart (a draft invoice) for a member, who pays: the account holder when buying for a household member.
     *
     * @param beneficiaryId the household member the cart is for when the holder pays, or null
     */
    public record OpenInvoice(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId, UUID beneficiaryId,
                              String actor, Instant at) {
    }

    public record AddLine(@TargetAggregateIdentifier UUID invoiceId, InvoiceLine line, String actor, Instant at) {
    }

    public record RemoveLine(@TargetAggregateIdentifier UUID invoiceId, UUID lineId, String actor, Instant at) {
    }

    /** A discount on one line ({@code lineId}) or on the whole invoice (no line); a null discount removes it. */
    public record GiveDiscount(@TargetAggregateIdentifier UUID invoiceId, UUID lineId, Discount discount,
                               String actor, Instant at) {
    }

    /**
     * Puts a promotion code's discount on the cart: on each line selling what it applies to and not discounted yet,
     * or on the whole cart when it applies to everything. One code per cart.
     */
    public record ApplyPromotion(@TargetAggregateIdentifier UUID invoiceId, UUID promotionId, String code,
                                 Discount discount, List<UUID> appliesTo, String actor, Instant at) {
    }

    /** Takes the promotion code's discounts off the cart. */
    public record RemovePromotion(@TargetAggregateIdentifier UUID invoiceId, String actor, Instant at) {
    }

    /**
     * Issues the invoice under the organisation's next number.
     *
     * @param invoiceDate the date it reads (today, or earlier for a sale recorded late); null: today
     * @param dueOn       when it is to be paid; null: its date
     */
    public record IssueInvoice(@TargetAggregateIdentifier UUID invoiceId, LocalDate invoiceDate, LocalDate dueOn,
                               String actor, Instant at) {
    }

    // --- installments ---

    /**
     * Bills a subscription's installment: one invoice per subscription and installment, whatever redelivers it (its
     * id is derived from them, see {@link #installmentInvoice}).
     *
     * @param discount         the subscription's special offer on this installment, or null
     * @param paymentMethod    how to collect it: {@code direct-debit} and {@code card} are collected automatically
     * @param paymentReference the mandate or card reference, or null
     */
    public record InvoiceInstallment(@TargetAggregateIdentifier UUID invoiceId, UUID organizationId, UUID siteId,
                                     UUID memberId, UUID subscriptionId, int installmentNumber, UUID planId,
                                     List<InvoiceLine> lines, Discount discount, LocalDate dueOn,
                                     String paymentMethod,
                                     String paymentReference, Instant at) {
    }

    /** What the payment provider answered for collection attempt {@code attempt}. */
    public record RecordCollection(@TargetAggregateIdentifier UUID invoiceId, int attempt, boolean collected,
                                   String providerReference, String reason, Instant at) {
    }

    /** The dunning plan's next attempt has come (the wake-up of kind {@code collection}). */
    public record RetryCollection(@TargetAggregateIdentifier UUID invoiceId, Instant at) {
    }

    /**
     * Staff try collecting now (relancer), without waiting for the dunning plan, with a new mandate or card when the
     * member gave one.
     *
     * @param paymentReference the mandate or card to use from now on, or null to keep the one there is
     */
    public record CollectNow(@TargetAggregateIdentifier UUID invoiceId, String paymentReference, String actor,
                             Instant at) {
    }

    // --- payments ---

    /**
     * @param method    {@code cash}, {@code card-terminal}, {@code cheque}, {@code transfer}, {@code direct-debit},
     *                  {@code wallet}, {@code gift-card}, {@code card}, {@code other} or a type the organisation named
     * @param reference a cheque number, a terminal receipt, a transfer's label; or null
     */
    public record RecordPayment(@TargetAggregateIdentifier UUID invoiceId, UUID paymentId, String method,
                                Money amount, String reference, String actor, Instant at) {
    }

    public record CancelPayment(@TargetAggregateIdentifier UUID invoiceId, UUID paymentId, String reason,
                                String actor, Instant at) {
    }

    /**
     * A credit note (avoir) for some lines of an issued invoice, or for all that are left ({@code lineIds} empty):
     * the only way to correct or undo what was issued.
     */
    public record IssueCreditNote(@TargetAggregateIdentifier UUID invoiceId, UUID creditNoteId, List<UUID> lineIds,
                                  String reason, String actor, Instant at) {
    }

    /**
     * Gives money back (a refund, remboursement): at most what was paid beyond what is now due after credit notes.
     *
     * @param method how it is given back: the way it was paid (cash, card-terminal, transfer...) or {@code wallet}
     *               (credited to the member's account)
     */
    public record RecordRefund(@TargetAggregateIdentifier UUID invoiceId, UUID refundId, String method, Money amount,
                               String reason, String actor, Instant at) {
    }

    // --- events ---

    /** @param beneficiaryId the household member the cart is for when the holder pays, or null */
    public record InvoiceOpened(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId, String currency,
                                UUID beneficiaryId, String actor, Instant at) {
    }

    public record LineAdded(UUID invoiceId, UUID organizationId, InvoiceLine line, String actor, Instant at) {
    }

    public record LineRemoved(UUID invoiceId, UUID organizationId, UUID lineId, String actor, Instant at) {
    }

    /** @param lineId null for the whole invoice; @param discount null when removed */
    public record DiscountGiven(UUID invoiceId, UUID organizationId, UUID lineId, Discount discount, String actor,
                                Instant at) {
    }

    /** @param lineIds the lines it discounts; empty: the whole cart */
    public record PromotionApplied(UUID invoiceId, UUID organizationId, UUID promotionId, String code,
                                   List<UUID> lineIds, String actor, Instant at) {
    }

    public record PromotionRemoved(UUID invoiceId, UUID organizationId, UUID promotionId, String code, String actor,
                                   Instant at) {
    }

    /**
     * The invoice is issued: from now on nothing of it changes (a correction is a credit note).
     *
     * @param number         its number, gapless per organisation, e.g. {@code F-000042}
     * @param subscriptionId the subscription whose installment it bills, or null
     * @param seller         the organisation's details as they were printed (null on invoices issued before)
     * @param buyer          the payer's details as they were printed (null on invoices issued before)
     */
    public record InvoiceIssued(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId, String number,
                                LocalDate invoiceDate, LocalDate dueOn, List<InvoiceLine> lines, Discount discount,
                                Totals totals, UUID subscriptionId, Integer installmentNumber, Party seller,
                                Party buyer, String actor, Instant at) {
    }

    /**
     * A payment was received: {@code applied} settles the invoice, the rest ({@code credited}) goes to the member's
     * account as credit, so the paid amount never exceeds the total.
     */
    public record PaymentReceived(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId, UUID paymentId,
                                  String method, Money amount, Money applied, Money credited, String reference,
                                  String actor, Instant at) {
    }

    /** A payment was cancelled (annulé): what it settled is due again, what it credited is withdrawn. */
    public record PaymentCancelled(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId, UUID paymentId,
                                   String method, Money amount, Money applied, Money credited, String reason,
                                   String actor, Instant at) {
    }

    /**
     * A credit note was issued under the organisation's next credit note number ({@code AV-000001}...).
     *
     * @param lines the invoice lines it credits, as they were issued
     * @param whole whether the invoice is now credited in full (cancelled)
     */
    public record CreditNoteIssued(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId,
                                   String invoiceNumber, UUID creditNoteId, String number, List<InvoiceLine> lines,
                                   Totals totals, boolean whole, String reason, String actor, Instant at) {
    }

    /** Money was given back to the member. */
    public record RefundRecorded(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId, UUID refundId,
                                 String method, Money amount, String reason, String actor, Instant at) {
    }

    /** Nothing is left to pay. */
    public record InvoiceSettled(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId, String number,
                                 Money total, UUID subscriptionId, Integer installmentNumber, Instant at) {
    }

    /** An automatic collection is to be attempted (the first, or a retry of the dunning plan). */
    public record CollectionDue(UUID invoiceId, UUID organizationId, UUID memberId, int attempt, String method,
                                String paymentReference, Money amount, Instant at) {
    }

    /**
     * An attempt failed.
     *
     * @param nextAttemptOn the dunning plan's next attempt, or null: it gave up and the invoice stays overdue
     */
    public record CollectionFailed(UUID invoiceId, UUID organizationId, UUID siteId, UUID memberId, int attempt,
                                   Money amount, String reason, LocalDate nextAttemptOn, UUID subscriptionId,
                                   Integer installmentNumber, Instant at) {
    }

    /** The invoice that bills installment {@code number} of {@code subscriptionId}: the same id every time. */
    public static UUID installmentInvoice(UUID subscriptionId, int number) {
        return UUID.nameUUIDFromBytes(("palestra:installment:" + subscriptionId + ":" + number)
                .getBytes(StandardCharsets.UTF_8));
    }
}
