package io.palestra.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Promotion codes as a cart takes and lets go of them (the promotions' own usage limits decide). */
public interface Promotions {

    /** @param appliesTo the offers and shop items it applies to; empty: the whole cart */
    record Redeemed(UUID promotionId, String code, Discount discount, List<UUID> appliesTo) {
    }

    /**
     * Counts the cart as a use of {@code code}.
     *
     * @throws io.palestra.platform.errors.RuleViolationException {@code unknown-promotion}, {@code promotion-retired},
     *                                                            {@code promotion-not-started},
     *                                                            {@code promotion-expired}, {@code promotion-used-up}
     */
    Redeemed redeem(UUID organizationId, String code, UUID invoiceId, UUID memberId, LocalDate today, String actor,
                    Instant at);

    /** The cart no longer uses the promotion. */
    void release(UUID promotionId, UUID invoiceId, String actor, Instant at);
}
