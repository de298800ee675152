package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An installment (échéance) of a subscription fell due: billing invoices it and collects it, once per
 * subscription and number, however often this arrives. Published once, at the start of its due day in the site's
 * time zone.
 *
 * @param organizationId    the organisation
 * @param subscriptionId    the subscription (also the record key)
 * @param memberId          the subscriber
 * @param siteId            the site it was sold at
 * @param planId            the plan of the period billed
 * @param installmentNumber 0 for the first, then 1, 2…
 * @param dueOn             the due date
 * @param periodStart       first day billed
 * @param periodEnd         last day billed
 * @param lines             what makes the amount: {@code membership}, {@code joining-fee}, {@code discount}
 *                          (negative)
 * @param amount            the total to collect (the lines' sum)
 * @param vatRate           percent, as a string, e.g. {@code "20.0"}; prices include it
 * @param paymentMethod     how to collect it, e.g. {@code direct-debit}
 * @param paymentReference  billing's reference of the method (mandate, card), or null when there is none yet
 * @param fellDueAt         when it was published as due
 */
@JsonTypeName("palestra.subscriptions.InstallmentDue.v1")
public record InstallmentDue(UUID organizationId, UUID subscriptionId, UUID memberId, UUID siteId, UUID planId,
                             int installmentNumber, LocalDate dueOn, LocalDate periodStart, LocalDate periodEnd,
                             List<Line> lines, Price amount,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal vatRate, String paymentMethod,
                             @Nullable String paymentReference, Instant fellDueAt) implements SubscriptionsEvent {

    /**
     * @param kind        {@code membership}, {@code joining-fee} or {@code discount}
     * @param description as it reads on the invoice
     * @param amount      negative for a discount
     */
    public record Line(String kind, String description, Price amount) {
    }
}
