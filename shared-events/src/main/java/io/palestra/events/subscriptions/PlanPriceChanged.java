package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Price;

import java.util.Map;
import java.util.UUID;

/**
 * A published offer's prices changed for new sales. Existing subscribers keep the price they subscribed at unless
 * {@code existingSubscribersToo}, in which case their next installments use the new prices.
 *
 * @param organizationId         the organisation
 * @param planId                 the offer (also the record key)
 * @param price                  the new price
 * @param categoryPrices         the new prices per member category (whole)
 * @param existingSubscribersToo whether existing subscribers move to the new prices too
 */
@JsonTypeName("palestra.subscriptions.PlanPriceChanged.v1")
public record PlanPriceChanged(UUID organizationId, UUID planId, Price price, Map<String, Price> categoryPrices,
                               boolean existingSubscribersToo) implements SubscriptionsEvent {
}
