package io.palestra.billing.invoice;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A reduction (réduction) on a line or on the whole invoice: an amount, or a percentage of what it applies to, with
 * why (a promotion, a staff gesture, financial aid).
 *
 * @param amount  so much off, in the invoice's currency; or
 * @param percent so many percent off (0 to 100), rounded half up to the currency's decimals
 * @param reason  as it reads on the invoice, e.g. "Remise fidélité"
 */
public record Discount(Money amount,
                       @Schema(type = "string", example = "10") @JsonFormat(shape = JsonFormat.Shape.STRING)
                       BigDecimal percent,
                       String reason) {

    /** What this discount takes off {@code gross}: never more than {@code gross}. */
    public Money off(Money gross) {
        Money off = amount != null ? amount.normalized() : gross.times(percent.divide(BigDecimal.valueOf(100), 10,
                RoundingMode.UNNECESSARY));
        return off.exceeds(gross) ? gross : off;
    }

    /** Whether it would take off more than {@code gross} (an amount larger than what it applies to). */
    public boolean exceeds(Money gross) {
        return amount != null && amount.exceeds(gross);
    }

    public List<InvalidField> problems(String field, String currency) {
        List<InvalidField> problems = new ArrayList<>();
        if ((amount == null) == (percent == null)) {
            problems.add(new InvalidField(field, "give either an amount or a percent"));
        } else if (amount != null) {
            amount.problem().ifPresent(problem -> problems.add(new InvalidField(field + ".amount", problem)));
            if (amount.currency() != null && !amount.currency().equals(currency)) {
                problems.add(new InvalidField(field + ".amount", "must be in " + currency));
            }
        } else if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            problems.add(new InvalidField(field + ".percent", "must be more than 0 and at most 100, with at most 2 "
                    + "decimals"));
        }
        if (reason != null && reason.length() > 200) {
            problems.add(new InvalidField(field + ".reason", "at most 200 characters"));
        }
        return problems;
    }
}
