package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * An offer is no longer sold. What was sold before stays valid: subscriptions run on, passes keep their credits.
 *
 * @param organizationId the organisation
 * @param planId         the offer (also the record key)
 * @param retiredAt      when
 */
@JsonTypeName("palestra.subscriptions.PlanRetired.v1")
public record PlanRetired(UUID organizationId, UUID planId, Instant retiredAt) implements SubscriptionsEvent {
}
