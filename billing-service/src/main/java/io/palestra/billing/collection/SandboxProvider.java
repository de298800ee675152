package io.palestra.billing.collection;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * A payment provider for development and tests, deterministic like real providers' sandboxes: the outcome depends only
 * on the mandate or card reference (its last four characters, as test card numbers do) and the attempt. The table is
 * in docs/billing.md.
 * <ul>
 *     <li>no reference on a direct debit: {@code mandate-missing};</li>
 *     <li>ending {@code 9995}: {@code insufficient-funds}, every time;</li>
 *     <li>ending {@code 0069}: {@code card-expired}, every time;</li>
 *     <li>ending {@code 0002}: {@code refused}, every time;</li>
 *     <li>ending {@code 0341}: {@code insufficient-funds} on the first attempt, collected on a retry;</li>
 *     <li>anything else: collected.</li>
 * </ul>
 */
@Component
class SandboxProvider implements PaymentProvider {

    @Override
    public Outcome collect(Charge charge) {
        String reference = charge.reference() == null ? "" : charge.reference().strip().toUpperCase(Locale.ROOT);
        if (reference.isEmpty()) {
            return refused("direct-debit".equals(charge.method()) ? "mandate-missing" : "no-payment-method");
        }
        if (reference.endsWith("9995")) {
            return refused("insufficient-funds");
        }
        if (reference.endsWith("0069")) {
            return refused("card-expired");
        }
        if (reference.endsWith("0002")) {
            return refused("refused");
        }
        if (reference.endsWith("0341") && charge.attempt() == 1) {
            return refused("insufficient-funds");
        }
        return new Outcome(true, "sandbox-" + UUID.nameUUIDFromBytes(charge.idempotencyKey().getBytes(
                StandardCharsets.UTF_8)), null);
    }

    private static Outcome refused(String reason) {
        return new Outcome(false, null, reason);
    }
}
