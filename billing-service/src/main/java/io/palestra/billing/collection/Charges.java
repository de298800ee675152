package io.palestra.billing.collection;

import io.palestra.billing.collection.PaymentProvider.Charge;
import io.palestra.billing.collection.PaymentProvider.Outcome;
import io.palestra.billing.mandate.MandateLookup;
import io.palestra.billing.mandate.MandateLookup.KnownMandate;
import io.palestra.platform.money.Money;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Charges a direct debit or a stored card through the payment provider. A direct debit quoting a mandate billing
 * recorded for the member debits its IBAN; one quoting their revoked mandate fails with {@code mandate-revoked}, and
 * one quoting another member's mandate with {@code mandate-missing}, both without asking the provider (never the
 * wrong account). A reference billing never recorded (a mandate signed elsewhere) goes to the provider as it is.
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
    public Outcome charge(UUID organizationId, UUID memberId, UUID subjectId, int attempt, String method,
                          String reference, Money amount, String idempotencyKey) {
        List<KnownMandate> recorded = "direct-debit".equals(method) && reference != null
                ? mandates.byReference(organizationId, reference) : List.of();
        Optional<KnownMandate> mandate = recorded.stream().filter(known -> known.memberId().equals(memberId))
                .findFirst();
        if (mandate.isEmpty() && !recorded.isEmpty()) {
            return new Outcome(false, null, "mandate-missing");
        }
        if (mandate.filter(KnownMandate::revoked).isPresent()) {
            return new Outcome(false, null, "mandate-revoked");
        }
        return provider.collect(new Charge(organizationId, subjectId, attempt, method, reference,
                mandate.map(KnownMandate::iban).orElse(null), amount, idempotencyKey));
    }
}
