package io.palestra.events.billing;

import io.palestra.events.PublishedEvent;

/**
 * Facts published by billing-service on {@code palestra.billing.events}. Defined ahead of billing-service with what
 * subscription-service needs: the outcome of collecting an installment.
 */
public sealed interface BillingEvent extends PublishedEvent permits InvoicePaid, PaymentFailed {
}
