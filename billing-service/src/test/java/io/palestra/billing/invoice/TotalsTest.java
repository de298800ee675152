package io.palestra.billing.invoice;

import io.palestra.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rounding rule of billing: per line, the whole-invoice discount shared exactly, then VAT per rate. */
class TotalsTest {

    @Test
    void vatIsComputedPerRateFromWhatTheLinesOfThatRateCostVatIncluded() {
        Totals totals = Totals.of(List.of(line("120.00", 1, "20.0", null), line("12.00", 2, "5.5", null),
                line("9.99", 3, "20", null)), null, "EUR");
        assertThat(totals.subtotal()).isEqualTo(eur("173.97"));
        assertThat(totals.total()).isEqualTo(eur("173.97"));
        assertThat(totals.vat()).extracting(vat -> vat.rate().toPlainString() + " " + vat.gross().amount() + " "
                + vat.net().amount() + " " + vat.vat().amount())
                .containsExactly("5.5 24.00 22.75 1.25", "20.0 149.97 124.98 24.99");
    }

    @Test
    void aLineDiscountIsRoundedOnceOnTheLine() {
        InvoiceLine third = line("10.00", 1, "20.0", new Discount(null, new BigDecimal("33.33"), "un tiers"));
        assertThat(third.total()).isEqualTo(eur("6.67"));
        InvoiceLine tooMuch = line("10.00", 1, "20.0", new Discount(eur("15.00"), null, "trop"));
        assertThat(tooMuch.total()).isEqualTo(eur("0.00"));
    }

    @Test
    void aWholeInvoiceDiscountIsSharedBetweenTheLinesToTheCentAndTheBreakdownAddsUpToTheTotal() {
        List<InvoiceLine> lines = List.of(line("10.00", 1, "20.0", null), line("10.00", 1, "5.5", null),
                line("10.00", 1, "10.0", null));
        Totals totals = Totals.of(lines, new Discount(eur("10.00"), null, "fidélité"), "EUR");
        assertThat(Totals.shares(lines, eur("30.00"), eur("10.00"))).containsExactly(eur("3.34"), eur("3.33"),
                eur("3.33"));
        assertThat(totals.total()).isEqualTo(eur("20.00"));
        Money gross = Money.zero("EUR");
        for (Totals.VatAmount vat : totals.vat()) {
            assertThat(vat.net().plus(vat.vat())).isEqualTo(vat.gross());
            gross = gross.plus(vat.gross());
        }
        assertThat(gross).isEqualTo(totals.total());
    }

    @Test
    void aPercentageOffTheWholeInvoiceIsRoundedHalfUp() {
        Totals totals = Totals.of(List.of(line("19.99", 1, "20.0", null)), new Discount(null, new BigDecimal("15"),
                "promo"), "EUR");
        assertThat(totals.discount()).isEqualTo(eur("3.00"));
        assertThat(totals.total()).isEqualTo(eur("16.99"));
    }

    @Test
    void currenciesWithoutCentsStayWhole() {
        Totals totals = Totals.of(List.of(new InvoiceLine(UUID.randomUUID(), "other", null, "Cours", 1,
                new Money(new BigDecimal("1001"), "JPY"), new BigDecimal("10"), null, null, null)),
                new Discount(null, new BigDecimal("10"), "promo"), "JPY");
        assertThat(totals.total()).isEqualTo(new Money(new BigDecimal("901"), "JPY"));
        assertThat(totals.vat().get(0).net()).isEqualTo(new Money(new BigDecimal("819"), "JPY"));
    }

    static InvoiceLine line(String price, int quantity, String rate, Discount discount) {
        return new InvoiceLine(UUID.randomUUID(), "shop-item", null, "Article", quantity, eur(price),
                new BigDecimal(rate), discount, null, null);
    }

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
