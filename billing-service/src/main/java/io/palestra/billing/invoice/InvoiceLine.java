package io.palestra.billing.invoice;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A line of an invoice, as sold: prices include VAT (what the member pays), as the catalog's do.
 *
 * @param kind          {@code shop-item}, {@code class-pack}, {@code appointment-pack}, {@code membership},
 *                      {@code joining-fee}, {@code session} (a single session paid at the desk) or {@code other}
 * @param reference     what was sold: the shop item or the catalog's offer; null for {@code other}
 * @param description   as it reads on the invoice
 * @param unitPrice     the price of one, VAT included
 * @param vatRate       percent, e.g. {@code 20.0}
 * @param discount      a reduction on this line, or null
 * @param startsOn      for a pack or pass: the day it starts (seed 000's "date du début"), or null
 * @param beneficiaryId who it is for when not the buyer (a household member), or null
 */
public record InvoiceLine(UUID lineId, String kind, UUID reference, String description, int quantity, Money unitPrice,
                          @Schema(type = "string", example = "20.0") @JsonFormat(shape = JsonFormat.Shape.STRING)
                          BigDecimal vatRate,
                          Discount discount, LocalDate startsOn, UUID beneficiaryId) {

    public static final Set<String> KINDS = Set.of("shop-item", "class-pack", "appointment-pack", "membership",
            "joining-fee", "session", "gift-card", "other");

    /** The price of the quantity, before this line's discount. */
    public Money gross() {
        return unitPrice.times(BigDecimal.valueOf(quantity));
    }

    /** What the line costs, its discount taken off (rounded once, per line). */
    public Money total() {
        Money gross = gross();
        return discount == null ? gross : gross.minus(discount.off(gross));
    }

    /** Whether the line sells an offer subscription-service issues (a pack or pass). */
    public boolean sellsPass() {
        return "class-pack".equals(kind) || "appointment-pack".equals(kind);
    }

    InvoiceLine withDiscount(Discount newDiscount) {
        return new InvoiceLine(lineId, kind, reference, description, quantity, unitPrice, vatRate, newDiscount,
                startsOn, beneficiaryId);
    }

    List<InvalidField> problems(String currency) {
        List<InvalidField> problems = new ArrayList<>();
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new InvalidField("kind", "must be one of " + String.join(", ", KINDS.stream().sorted()
                    .toList())));
        }
        if (description == null || description.isBlank() || description.length() > 300) {
            problems.add(new InvalidField("description", "is required, at most 300 characters"));
        }
        if (quantity < 1 || quantity > 999) {
            problems.add(new InvalidField("quantity", "must be between 1 and 999"));
        }
        problems.addAll(priceProblems(unitPrice, vatRate, currency));
        if (discount != null) {
            problems.addAll(discount.problems("discount", currency));
        }
        return problems;
    }

    /** What is wrong with a price and VAT rate (of a line, of a shop item), if anything, field by field. */
    public static List<InvalidField> priceProblems(Money unitPrice, BigDecimal vatRate, String currency) {
        List<InvalidField> problems = new ArrayList<>();
        if (unitPrice == null) {
            problems.add(new InvalidField("unitPrice", "is required"));
        } else {
            unitPrice.problem().ifPresent(problem -> problems.add(new InvalidField("unitPrice", problem)));
            if (unitPrice.currency() != null && !unitPrice.currency().equals(currency)) {
                problems.add(new InvalidField("unitPrice", "must be in " + currency + ", the organisation's "
                        + "currency"));
            }
        }
        if (vatRate == null || vatRate.signum() < 0 || vatRate.compareTo(BigDecimal.valueOf(100)) >= 0
                || vatRate.stripTrailingZeros().scale() > 2) {
            problems.add(new InvalidField("vatRate", "must be a percent from 0 to under 100, e.g. 20.0 or 5.5"));
        }
        return problems;
    }
}
