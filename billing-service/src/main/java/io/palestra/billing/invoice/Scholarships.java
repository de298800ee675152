package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.platform.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Financial aid (bourses) as invoices use it: paying part of an invoice, and given back when that is undone. */
public interface Scholarships {

    /**
     * Takes {@code amount} off the scholarship for {@code invoice}, once per {@code paymentId}.
     *
     * @throws io.palestra.platform.errors.RuleViolationException when the scholarship cannot pay this invoice or not
     *                                                            that much
     */
    void use(UUID organizationId, UUID scholarshipId, UUID paymentId, InvoiceView invoice, Money amount,
             LocalDate today, String actor, Instant at);

    /** Gives back what {@code paymentId} took, once. */
    void release(UUID scholarshipId, UUID paymentId, String reason, String actor, Instant at);
}
