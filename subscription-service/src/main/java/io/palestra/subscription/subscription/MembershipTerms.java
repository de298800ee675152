package io.palestra.subscription.subscription;

import io.palestra.subscription.catalog.BillingPeriod;
import io.palestra.platform.money.Money;
import io.palestra.subscription.catalog.Scope;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a subscription holds of its plan, copied when subscribed (or when the plan changes), so that a later change of
 * the catalog does not change what was sold.
 *
 * @param price          per period, for the member's category
 * @param classesPerWeek null for unlimited
 * @param siteIds        empty: every site
 * @param activityTypes  empty: every activity
 */
public record MembershipTerms(UUID planId, String name, Money price, String category, BigDecimal vatRate,
                              BillingPeriod period, Integer billingDay, Integer commitmentMonths,
                              Integer classesPerWeek, Money joiningFee, List<UUID> siteIds,
                              List<String> activityTypes) {

    public MembershipTerms {
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        activityTypes = activityTypes == null ? List.of() : List.copyOf(activityTypes);
    }

    boolean covers(UUID siteId, String activityType) {
        return new Scope(siteIds, activityTypes).covers(siteId, activityType);
    }

    MembershipTerms withPrice(Money newPrice) {
        return new MembershipTerms(planId, name, newPrice, category, vatRate, period, billingDay, commitmentMonths,
                classesPerWeek, joiningFee, siteIds, activityTypes);
    }
}
