package io.palestra.billing.invoice;

import java.util.UUID;

/**
 * Hands out invoice numbers: gapless and in issuing order per organisation, as French law asks (no hole, no number
 * used twice). A number is taken in the transaction that issues the invoice and goes back with it if that fails.
 */
public interface InvoiceNumbers {

    /** The next number of the organisation's {@code series} (e.g. {@code F} for invoices), e.g. {@code F-000042}. */
    String next(UUID organizationId, String series);
}
