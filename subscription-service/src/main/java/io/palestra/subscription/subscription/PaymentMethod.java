package io.palestra.subscription.subscription;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How a subscription's installments are collected. The reference is billing's: a direct-debit mandate, a stored card.
 *
 * @param type      {@code direct-debit}, {@code card}, {@code cash}, {@code cheque}, {@code transfer} or {@code other}
 * @param reference the mandate or card reference; a direct debit without one needs a mandate
 */
public record PaymentMethod(@Schema(example = "direct-debit") String type,
                            @Schema(example = "MANDATE-2026-0042") String reference) {

    static final java.util.Set<String> TYPES = java.util.Set.of("direct-debit", "card", "cash", "cheque", "transfer",
            "other");

    boolean needsMandate() {
        return "direct-debit".equals(type) && (reference == null || reference.isBlank());
    }
}
