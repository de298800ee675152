package io.palestra.billing.collection;

import io.palestra.platform.money.Money;

import java.util.UUID;

/**
 * The payment service provider that collects direct debits and stored cards: a port, so that a real provider (Stripe,
 * GoCardless, Mollie...) plugs in behind it; {@link SandboxProvider} is built in and the default.
 */
public interface PaymentProvider {

    /**
     * What to collect.
     *
     * @param idempotencyKey the same for a retried request of one attempt: the provider collects it once
     * @param reference      the mandate or stored card, or null when there is none
     * @param account        for a direct debit under a mandate billing recorded, the IBAN it debits; else null
     */
    record Charge(UUID organizationId, UUID invoiceId, int attempt, String method, String reference, String account,
                  Money amount, String idempotencyKey) {
    }

    /**
     * @param providerReference the provider's id of the charge, when collected
     * @param reason            why not, e.g. {@code insufficient-funds}, {@code mandate-missing}
     */
    record Outcome(boolean collected, String providerReference, String reason) {
    }

    Outcome collect(Charge charge);
}
