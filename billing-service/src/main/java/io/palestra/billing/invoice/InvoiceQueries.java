package io.palestra.billing.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.palestra.platform.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Queries of invoices and payments, and their answers. */
public final class InvoiceQueries {

    /** The statuses an invoice reads, computed from what was issued and paid (overdue on {@code today}). */
    public static final Set<String> STATUSES = Set.of("draft", "issued", "partially-paid", "paid", "overdue",
            "cancelled");

    /** The projection that answers these queries, to await after a command (read-your-writes). */
    public static final String PROJECTION = "invoice-directory";

    private InvoiceQueries() {
    }

    public record FindInvoice(UUID organizationId, UUID invoiceId, LocalDate today) {
    }

    /**
     * Invoices of an organisation, latest first; every filter may be null.
     *
     * @param number           an invoice number, whole or its digits (search by number, seed 004)
     * @param collectionFailed true: only the invoices still unpaid whose last collection attempt failed (the
     *                         failed-payment list)
     * @param offset           how many matching invoices to skip (exports read the list page by page)
     */
    public record ListInvoices(UUID organizationId, UUID siteId, UUID memberId, String number, String status,
                               LocalDate from, LocalDate to, boolean collectionFailed, LocalDate today, int limit,
                               int offset) {
    }

    /**
     * @param status          {@code draft} (the cart), {@code issued} (nothing paid yet), {@code partially-paid},
     *                        {@code paid}, {@code overdue} (past its due date with something left to pay),
     *                        {@code cancelled} (credited in full by credit notes)
     * @param balance         what is left to pay: the total less credit notes, less what was paid and kept;
     *                        negative when money is owed back to the member ({@code refundable})
     * @param credited        what payments brought beyond the total, credited to the member's account
     * @param creditedByNotes what credit notes took off the total
     * @param refundable      what can still be refunded (paid beyond what credit notes left due)
     * @param collection how an installment's invoice is being collected, when it is
     * @param beneficiaryId   the household member a cart is for, when its holder pays
     * @param seller          the organisation as the issued invoice prints it
     * @param buyer           the payer as the issued invoice prints it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InvoiceView(UUID invoiceId, UUID siteId, UUID memberId, UUID beneficiaryId, String number,
                              String status,
                              LocalDate invoiceDate, LocalDate dueOn, String currency, List<InvoiceLine> lines,
                              Discount discount, PromotionView promotion, Totals totals, Money paid, Money balance,
                              Money credited,
                              Money creditedByNotes, Money refunded, Money refundable, UUID subscriptionId,
                              Integer installmentNumber, Collection collection, Party seller, Party buyer,
                              List<PaymentView> payments,
                              List<CreditNoteView> creditNotes, List<RefundView> refunds, String openedBy,
                              Instant openedAt, String issuedBy, Instant issuedAt, Instant settledAt, long version) {
    }

    /** The promotion code on an invoice, and the lines it discounts (none: the whole invoice). */
    public record PromotionView(UUID promotionId, String code, List<UUID> lineIds) {
    }

    /** A credit note (avoir): its own gapless number, the invoice it corrects, the lines and amounts it gives back. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreditNoteView(UUID creditNoteId, UUID invoiceId, String number, String invoiceNumber,
                                 UUID memberId, UUID siteId, Totals totals, List<UUID> lineIds, boolean whole,
                                 String reason, String issuedBy, Instant issuedAt) {
    }

    public record CreditNoteList(List<CreditNoteView> items) {
    }

    /** Credit notes of an organisation, latest first; the filters may be null. */
    public record ListCreditNotes(UUID organizationId, UUID memberId, String number, int limit, int offset) {
    }

    public record FindCreditNote(UUID organizationId, UUID creditNoteId) {
    }

    /** Money given back. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundView(UUID refundId, String method, Money amount, String reason, String refundedBy,
                             Instant refundedAt) {
    }

    /**
     * @param attempts      attempts made so far
     * @param lastFailure   why the last one failed, e.g. {@code insufficient-funds}
     * @param nextAttemptOn when the dunning plan tries again; null when it gave up or nothing is pending
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Collection(String method, int attempts, String lastFailure, LocalDate nextAttemptOn,
                             boolean gaveUp) {
    }

    /** @param applied what settled the invoice; @param credited what went to the member's account */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentView(UUID paymentId, UUID invoiceId, String method, Money amount, Money applied,
                              Money credited, String reference, String receivedBy, Instant receivedAt,
                              String cancelledBy, Instant cancelledAt, String cancelReason) {
    }

    public record InvoiceList(List<InvoiceView> items) {
    }

    /**
     * Payments of an organisation, latest first; every filter may be null.
     *
     * @param from   received at or after
     * @param to     received before
     * @param offset how many matching payments to skip (exports read the list page by page)
     */
    public record ListPayments(UUID organizationId, UUID siteId, UUID memberId, String method, Instant from,
                               Instant to, int limit, int offset) {
    }

    /** A payment in a list: the payment and the invoice it was recorded on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentEntry(UUID paymentId, UUID invoiceId, String invoiceNumber, UUID memberId, UUID siteId,
                               String method, Money amount, Money applied, Money credited, String reference,
                               String receivedBy, Instant receivedAt, String cancelledBy, Instant cancelledAt,
                               String cancelReason) {
    }

    public record PaymentList(List<PaymentEntry> items) {
    }

    /**
     * What came in and went out by each method at these sites within {@code [from, to)}: payments received, payments
     * cancelled and refunds paid.
     */
    public record CashMovements(UUID organizationId, Set<UUID> siteIds, Instant from, Instant to) {
    }

    /** @param kind {@code received}, {@code cancelled} or {@code refunded} */
    public record CashMovement(UUID siteId, String method, String kind, long count, Money amount) {
    }

    public record CashMovementList(List<CashMovement> items) {
    }
}
