package io.palestra.subscription.catalog;

import io.palestra.platform.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Commands and events of an offer of the catalog. */
public final class PlanMessages {

    private PlanMessages() {
    }

    public record DefinePlan(UUID planId, UUID organizationId, PlanKind kind, PlanTerms terms) {
    }

    public record RevisePlan(@TargetAggregateIdentifier UUID planId, PlanTerms terms,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    public record PublishPlan(@TargetAggregateIdentifier UUID planId, Instant at) {
    }

    public record ChangePlanPrice(@TargetAggregateIdentifier UUID planId, Money price,
                                  Map<String, Money> categoryPrices, boolean existingSubscribersToo,
                                  @TargetAggregateVersion Long expectedVersion) {
    }

    public record RetirePlan(@TargetAggregateIdentifier UUID planId, Instant at) {
    }

    /** A draft: staff can still revise it; nothing is sold yet. */
    public record PlanDefined(UUID planId, UUID organizationId, PlanKind kind, PlanTerms terms) {
    }

    public record PlanRevised(UUID planId, UUID organizationId, PlanTerms terms) {
    }

    /** On sale, with the terms it is sold at. */
    public record PlanPublished(UUID planId, UUID organizationId, PlanKind kind, PlanTerms terms, Instant at) {
    }

    public record PlanPriceChanged(UUID planId, UUID organizationId, Money price, Map<String, Money> categoryPrices,
                                   boolean existingSubscribersToo) {
    }

    public record PlanRetired(UUID planId, UUID organizationId, Instant at) {
    }
}
