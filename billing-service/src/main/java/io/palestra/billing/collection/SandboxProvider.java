package io.palestra.billing.collection;

import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A payment provider for development and tests, deterministic like real providers' sandboxes: the outcome depends only
 * on the IBAN of a recorded mandate, or else the mandate or card reference (its last four characters, as test card and
 * IBAN numbers do) and the attempt. It collects
 * installments and stands for the hosted checkout page of payment links. The table is in docs/billing.md.
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderWebhooks webhooks;
    private final Clock clock;

    SandboxProvider(ProviderWebhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public Outcome collect(Charge charge) {
        return outcome(charge.method(), charge.account() != null ? charge.account() : charge.reference(),
                charge.attempt(), charge.idempotencyKey());
    }

    /**
     * The sandbox's hosted checkout page: a card typed for an open payment link, decided by the same table (a link
     * refused before counts as a second attempt), and notified to billing as a provider's webhook would.
     *
     * @throws RuleViolationException {@code link-paid}, {@code link-expired}
     */
    void checkout(PaymentLinks.Link link, String card) {
        String status = link.status(clock.instant());
        if (!status.equals("open")) {
            throw new RuleViolationException("link-" + status, "This payment link is " + status + ".");
        }
        webhooks.apply("sandbox", notice(link.token(), card, link.amount(), link.lastFailure() == null));
    }

    private static String notice(String linkToken, String card, Money amount, boolean firstAttempt) {
        String payment = "pay_" + UUID.randomUUID();
        Outcome outcome = outcome("card", card.replace(" ", ""), firstAttempt ? 1 : 2, payment);
        return JSON.writeValueAsString(Map.of("id", "evt_" + UUID.randomUUID(), "type", outcome.collected()
                ? "payment.succeeded" : "payment.failed", "data", outcome.collected()
                ? Map.of("payment", payment, "link", linkToken, "amount", amount.amount().toPlainString(),
                "currency", amount.currency())
                : Map.of("payment", payment, "link", linkToken, "reason", outcome.reason())));
    }

    private static Outcome outcome(String method, String given, int attempt, String idempotencyKey) {
        String reference = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
        if (reference.isEmpty()) {
            return refused("direct-debit".equals(method) ? "mandate-missing" : "no-payment-method");
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
        if (reference.endsWith("0341") && attempt == 1) {
            return refused("insufficient-funds");
        }
        return new Outcome(true, "sandbox-" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(
                StandardCharsets.UTF_8)), null);
    }

    private static Outcome refused(String reason) {
        return new Outcome(false, null, reason);
    }
}
