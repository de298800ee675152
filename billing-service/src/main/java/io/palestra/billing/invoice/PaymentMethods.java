package io.palestra.billing.invoice;

import io.palestra.platform.errors.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The payment methods an organisation takes: the built-in ones, and the types it adds itself (seed 000's "autres
 * types de paiement", e.g. Chèques-Vacances ANCV or a town's sport coupons). A payment, refund or top-up by any other
 * method is refused, so a typo at the desk never becomes a line of the cash report.
 */
@Component
public class PaymentMethods {

    /** Paid from the member's account. */
    public static final String WALLET = "wallet";
    /** Paid by financial aid; the payment's reference is the aid's id. */
    public static final String SCHOLARSHIP = "scholarship";
    /** What every organisation takes. */
    public static final List<String> BUILT_IN = List.of("cash", "card-terminal", "cheque", "transfer", "direct-debit",
            "card", WALLET, "gift-card", SCHOLARSHIP, "other");
    /**
     * Methods that spend money already inside billing (the account, a gift card, financial aid), not money coming in
     * at the desk: not in the cash report, not a way to top an account up, not a payment a plan says was made.
     */
    public static final Set<String> INSIDE = Set.of(WALLET, "gift-card", SCHOLARSHIP);
    /** Methods whose payment never goes beyond what is left to pay: it would turn into spendable account credit. */
    public static final Set<String> NEVER_BEYOND_BALANCE = Set.of(WALLET, SCHOLARSHIP);
    static final int MAX_CUSTOM = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<CustomMethod>> CUSTOM = new TypeReference<>() {
    };

    /** @param code what payments quote, e.g. {@code ancv}; @param label what staff read, e.g. Chèques-Vacances */
    public record CustomMethod(String code, String label) {
    }

    private final JdbcClient jdbc;

    PaymentMethods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomMethod> custom(UUID organizationId) {
        return jdbc.sql("SELECT methods FROM payment_method_config WHERE organization_id = ?").param(organizationId)
                .query((rs, row) -> JSON.readValue(rs.getString(1), CUSTOM)).optional().orElse(List.of());
    }

    void setCustom(UUID organizationId, List<CustomMethod> methods) {
        jdbc.sql("""
                        INSERT INTO payment_method_config (organization_id, methods) VALUES (?, ?::jsonb)
                        ON CONFLICT (organization_id) DO UPDATE SET methods = excluded.methods""")
                .params(organizationId, JSON.writeValueAsString(methods)).update();
    }

    /**
     * @param field the request's field, for the problem
     * @throws InvalidInputException unless the organisation takes {@code method}
     */
    public void require(UUID organizationId, String method, String field) {
        List<String> taken = new ArrayList<>(BUILT_IN);
        custom(organizationId).forEach(custom -> taken.add(custom.code()));
        if (!taken.contains(method)) {
            throw InvalidInputException.of(field, "must be a payment method this organisation takes: "
                    + String.join(", ", taken) + " (GET /api/v1/payments/methods)");
        }
    }
}
