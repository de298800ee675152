package io.palestra.subscription.integration;

import io.palestra.events.Price;
import io.palestra.platform.relay.Publication;
import io.palestra.platform.relay.PublishedLanguage;
import io.palestra.subscription.catalog.Money;
import io.palestra.subscription.catalog.PlanMessages.PlanPriceChanged;
import io.palestra.subscription.catalog.PlanMessages.PlanPublished;
import io.palestra.subscription.catalog.PlanMessages.PlanRetired;
import io.palestra.subscription.catalog.PlanTerms;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place where subscription-service's internal events become the published contract: the catalog's offers
 * once published (whole), their price changes and their retirement. Drafts stay inside.
 */
@Component
class SubscriptionsPublishedLanguage implements PublishedLanguage {

    @Override
    public List<Publication> translate(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof PlanPublished published) {
            PlanTerms terms = published.terms();
            return List.of(Publication.of(new io.palestra.events.subscriptions.PlanPublished(
                    published.organizationId(), published.planId(), published.kind().value(), terms.name(),
                    price(terms.price()), terms.vatRate(), prices(terms.categoryPrices()), terms.siteIds(),
                    terms.activityTypes(), terms.period() == null ? null : terms.period().value(),
                    terms.commitmentMonths(), terms.billingDay(), terms.classesPerWeek(), price(terms.joiningFee()),
                    terms.credits(), terms.validityDays(), terms.validUntil(),
                    terms.activation() == null ? null : terms.activation().value(), terms.shareableByHousehold(),
                    published.at()), published.planId()));
        }
        if (payload instanceof PlanPriceChanged changed) {
            return List.of(Publication.of(new io.palestra.events.subscriptions.PlanPriceChanged(
                    changed.organizationId(), changed.planId(), price(changed.price()),
                    prices(changed.categoryPrices()), changed.existingSubscribersToo()), changed.planId()));
        }
        if (payload instanceof PlanRetired retired) {
            return List.of(Publication.of(new io.palestra.events.subscriptions.PlanRetired(retired.organizationId(),
                    retired.planId(), retired.at()), retired.planId()));
        }
        return List.of();
    }

    private static Price price(Money money) {
        return money == null ? null : new Price(money.amount(), money.currency());
    }

    private static Map<String, Price> prices(Map<String, Money> prices) {
        Map<String, Price> published = new TreeMap<>();
        prices.forEach((category, money) -> published.put(category, price(money)));
        return published;
    }
}
