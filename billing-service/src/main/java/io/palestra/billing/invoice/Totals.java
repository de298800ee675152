package io.palestra.billing.invoice;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.palestra.platform.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an invoice adds up to, with the one rounding rule of billing written down:
 * <ol>
 *     <li>each line is rounded once: unit price × quantity, its own discount off (a percentage rounded half up to
 *     the currency's decimals);</li>
 *     <li>a discount on the whole invoice is shared between the lines in proportion to their totals, in whole cents,
 *     the cents left over going to the lines with the largest remainders (so the shares add up exactly);</li>
 *     <li>VAT is computed per rate from what the lines of that rate cost, VAT included: net = gross × 100 / (100 +
 *     rate), rounded half up; VAT = gross − net. The breakdown thus always adds up to the total.</li>
 * </ol>
 *
 * @param subtotal what the lines cost, their discounts off
 * @param discount what the whole-invoice discount takes off
 * @param total    what is to be paid: subtotal − discount
 * @param vat      per rate, in increasing order
 */
public record Totals(Money subtotal, Money discount, Money total, List<VatAmount> vat) {

    /**
     * @param gross what the lines of this rate cost, VAT included
     * @param net   without VAT
     */
    public record VatAmount(@Schema(type = "string", example = "20.0") @JsonFormat(shape = JsonFormat.Shape.STRING)
                            BigDecimal rate, Money gross, Money net, Money vat) {
    }

    public static Totals of(List<InvoiceLine> lines, Discount invoiceDiscount, String currency) {
        return part(lines, invoiceDiscount, currency, line -> true);
    }

    /**
     * What the lines of an invoice that {@code credited} selects add up to, with their share of the whole-invoice
     * discount: what a credit note for them gives back, and its VAT per rate.
     */
    public static Totals part(List<InvoiceLine> lines, Discount invoiceDiscount, String currency,
                              java.util.function.Predicate<InvoiceLine> credited) {
        Money all = Money.zero(currency);
        for (InvoiceLine line : lines) {
            all = all.plus(line.total());
        }
        Money allOff = invoiceDiscount == null ? Money.zero(currency) : invoiceDiscount.off(all);
        List<Money> shares = shares(lines, all, allOff);
        Money subtotal = Money.zero(currency);
        Money off = Money.zero(currency);
        Map<BigDecimal, Money> gross = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            if (credited.test(line)) {
                subtotal = subtotal.plus(line.total());
                off = off.plus(shares.get(i));
                gross.merge(rate(line.vatRate()), line.total().minus(shares.get(i)), Money::plus);
            }
        }
        List<VatAmount> vat = new ArrayList<>();
        gross.forEach((rate, amount) -> {
            Money net = new Money(amount.amount().multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(100)
                    .add(rate), digits(currency), RoundingMode.HALF_UP), currency);
            vat.add(new VatAmount(rate, amount, net, amount.minus(net)));
        });
        return new Totals(subtotal, off, subtotal.minus(off), List.copyOf(vat));
    }

    private static int digits(String currency) {
        return Math.max(java.util.Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    /** A VAT rate as it reads: 20.0, 5.5, 2.1 (at least one decimal, no trailing zero beyond it). */
    static BigDecimal rate(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }

    /** The whole-invoice discount shared between the lines pro rata, in minor units, adding up exactly to it. */
    static List<Money> shares(List<InvoiceLine> lines, Money subtotal, Money off) {
        String currency = off.currency();
        List<Money> shares = new ArrayList<>();
        if (off.isZero() || subtotal.isZero()) {
            lines.forEach(line -> shares.add(Money.zero(currency)));
            return shares;
        }
        int digits = digits(currency);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
        BigDecimal[] exact = new BigDecimal[lines.size()];
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            exact[i] = off.amount().multiply(lines.get(i).total().amount()).divide(subtotal.amount(), 20,
                    RoundingMode.HALF_UP);
            BigDecimal down = exact[i].setScale(digits, RoundingMode.DOWN);
            shares.add(new Money(down, currency));
            given = given.add(down);
        }
        BigDecimal left = off.amount().subtract(given);
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparing((Integer i) -> exact[i].subtract(exact[i].setScale(digits,
                RoundingMode.DOWN))).reversed().thenComparing(i -> i));
        for (int i : byRemainder) {
            if (left.signum() <= 0) {
                break;
            }
            shares.set(i, shares.get(i).plus(new Money(unit, currency)));
            left = left.subtract(unit);
        }
        return shares;
    }
}
