package io.palestra.events.billing;

import io.palestra.events.PublishedEvent;

/**
 * Facts published by billing-service on {@code palestra.billing.events}, keyed by invoice: issued invoices, payments
 * received and cancelled, invoices paid in full and failed collections; by gift card: gift cards to send; by member:
 * direct-debit mandates recorded, revoked and requested.
 */
public sealed interface BillingEvent extends PublishedEvent permits CreditNoteIssued, GiftCardSent, InvoiceIssued,
        InvoicePaid, MandateRecorded, MandateRequested, MandateRevoked, PaymentCancelled, PaymentFailed,
        PaymentReceived, RefundIssued {
}
