package io.palestra.billing.collection;

import io.palestra.billing.collection.PaymentProvider.Charge;
import io.palestra.billing.collection.PaymentProvider.Outcome;
import io.palestra.billing.mandate.MandateLookup;
import io.palestra.billing.mandate.MandateLookup.KnownMandate;
import io.palestra.platform.money.Money;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Charges a direct debit or a stored card through the payment provider. A direct debit quoting a mandate billing
 * recorded debits its IBAN; one quoting a revoked mandate fails with {@code mandate-revoked} without asking the
 * provider.
 */
@Component
public class Charges {

    private final PaymentProvider provider;
    private final MandateLookup mandates;

    Charges(PaymentProvider provider, MandateLookup mandates) {
        this.provider = provider;
        this.mandates = mandates;
    }

    /**
     * @param subjectId      what is paid (an invoice, an upcoming payment)
     * @param idempotencyKey the same for a retried request of one attempt: the provider collects it once
     */
    public Outcome charge(UUID organizationId, UUID subjectId, int attempt, String method, String reference,
                          Money amount, String idempotencyKey) {
        Optional<KnownMandate> mandate = "direct-debit".equals(method) && reference != null
                ? mandates.byReference(organizationId, reference) : Optional.empty();
        if (mandate.filter(KnownMandate::revoked).isPresent()) {
            return new Outcome(false, null, "mandate-revoked");
        }
        return provider.collect(new Charge(organizationId, subjectId, attempt, method, reference,
                mandate.map(KnownMandate::iban).orElse(null), amount, idempotencyKey));
    }
}
