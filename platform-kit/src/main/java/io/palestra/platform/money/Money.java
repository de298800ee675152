package io.palestra.platform.money;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * An amount of money in a currency: a decimal with at most the currency's digits, never a floating-point number.
 * Written as {@code {"amount": "29.90", "currency": "EUR"}}; an amount sent as a JSON number is read exactly too.
 */
public record Money(@Schema(type = "string", example = "29.90") @JsonFormat(shape = JsonFormat.Shape.STRING)
                    BigDecimal amount,
                    @Schema(example = "EUR") String currency) {

    /** What is wrong with this amount, if anything: a message for the field. */
    public Optional<String> problem() {
        if (amount == null || currency == null) {
            return Optional.of("needs an amount and a currency");
        }
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            return Optional.of("has an unknown currency " + currency);
        }
        if (amount.signum() < 0) {
            return Optional.of("must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > Math.max(known.getDefaultFractionDigits(), 0)) {
            return Optional.of("has more decimals than " + currency + " allows");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with this amount as money that moves (a payment, a refund, a top-up), if anything: a valid
     * amount, more than nothing, in {@code currency}.
     */
    public Optional<String> problemAsMovementIn(String currency) {
        return problem().or(() -> amount.signum() == 0 ? Optional.of("must be more than nothing")
                : !this.currency.equals(currency) ? Optional.of("must be in " + currency) : Optional.empty());
    }

    /** The same amount with the currency's number of decimals, e.g. 29.9 becomes 29.90. */
    public Money normalized() {
        return new Money(amount.setScale(Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0)),
                currency);
    }

    /** Nothing, in {@code currency}. */
    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency).normalized();
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(amount.add(other.amount), currency).normalized();
    }

    public Money minus(Money other) {
        return plus(other.negated());
    }

    /** Whether this is exactly nothing (whatever its scale). */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** -1, 0 or 1 as this amount is negative, nothing or positive. */
    public int signum() {
        return amount.signum();
    }

    /** Whether this amount is more than {@code other}'s (same currency). */
    public boolean exceeds(Money other) {
        sameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    public Money negated() {
        return new Money(amount.negate(), currency).normalized();
    }

    /**
     * This amount times {@code factor}, rounded half up to the currency's decimals: the one rounding rule of amounts
     * (a pro rata share, a percentage off).
     */
    public Money times(BigDecimal factor) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return new Money(amount.multiply(factor).setScale(digits, RoundingMode.HALF_UP), currency);
    }

    /** The smaller of the two amounts. */
    public Money min(Money other) {
        sameCurrency(other);
        return amount.compareTo(other.amount) <= 0 ? this : other;
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot mix " + currency + " and " + other.currency);
        }
    }
}
