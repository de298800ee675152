package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A pass that activates on first use was used for the first time: its validity runs from then.
 *
 * @param organizationId the organisation
 * @param passId         the pass (also the record key)
 * @param memberId       the holder
 * @param validFrom      first valid day
 * @param validUntil     last valid day
 * @param activatedAt    when
 */
@JsonTypeName("palestra.subscriptions.PassActivated.v1")
public record PassActivated(UUID organizationId, UUID passId, UUID memberId, LocalDate validFrom,
                            LocalDate validUntil, Instant activatedAt) implements SubscriptionsEvent {
}
