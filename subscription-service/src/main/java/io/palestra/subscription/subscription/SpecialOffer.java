package io.palestra.subscription.subscription;

import io.palestra.platform.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * A discount on installments: a percentage or an amount off each of the first {@code installments}, or of all of
 * them when it is null. The joining fee is never discounted, and no installment goes below zero.
 */
public record SpecialOffer(@Schema(type = "string", example = "20") BigDecimal percent, Money amount,
                           @Schema(example = "3") Integer installments) {

    boolean appliesTo(int number) {
        return installments == null || number < installments;
    }

    /** What it takes off a membership line of {@code base}. */
    Money off(Money base) {
        if (percent != null) {
            return base.times(percent.movePointLeft(2));
        }
        return amount.normalized().min(base);
    }

    String describe() {
        return percent != null ? percent.stripTrailingZeros().toPlainString() + " % off"
                : amount.normalized().amount().toPlainString() + " " + amount.currency() + " off";
    }
}
