package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Price;
import io.palestra.events.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An offer of the catalog can now be sold, whole: a recurring membership plan, or a pack of class or appointment
 * credits. Keep the latest per plan; a later {@link PlanPriceChanged} changes its prices, {@link PlanRetired} ends
 * its sale.
 *
 * @param organizationId      the organisation
 * @param planId              the offer (also the record key)
 * @param kind                {@code membership}, {@code class-pack} or {@code appointment-pack}
 * @param name                as sold
 * @param price               per period (membership) or for the pack
 * @param vatRate             percent, as a string, e.g. {@code "20.0"}
 * @param categoryPrices      the price per member category instead of {@code price}, e.g. {@code student}
 * @param siteIds             where it is valid; empty: every site of the organisation
 * @param activityTypes       what it entitles to; empty: every activity
 * @param period              membership: {@code weekly}, {@code monthly}, {@code quarterly} or {@code yearly}
 * @param commitmentMonths    membership: the minimum number of months, 0 for none
 * @param billingDay          membership: the day of the month installments fall due, or null for the day of
 *                            subscription
 * @param classesPerWeek      membership: classes per week, null for unlimited
 * @param joiningFee          membership: charged once at subscription
 * @param credits             pack: credits it holds, null for unlimited
 * @param validityDays        pack: days of validity from activation (or {@code validUntil})
 * @param validUntil          pack: a fixed last day (or {@code validityDays})
 * @param activation          pack: {@code sale}, {@code chosen-date} or {@code first-use}
 * @param shareableByHousehold pack: whether the buyer's household may use it
 * @param publishedAt         when
 */
@JsonTypeName("palestra.subscriptions.PlanPublished.v1")
public record PlanPublished(UUID organizationId, UUID planId, String kind, String name, Price price,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal vatRate, Map<String, Price> categoryPrices, List<UUID> siteIds,
                            List<String> activityTypes, @Nullable String period, @Nullable Integer commitmentMonths,
                            @Nullable Integer billingDay, @Nullable Integer classesPerWeek, @Nullable Price joiningFee,
                            @Nullable Integer credits, @Nullable Integer validityDays, @Nullable LocalDate validUntil,
                            @Nullable String activation, boolean shareableByHousehold, Instant publishedAt)
        implements SubscriptionsEvent {
}
