package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A manager moved a pass's last valid day.
 *
 * @param organizationId     the organisation
 * @param passId             the pass (also the record key)
 * @param memberId           the holder
 * @param previousValidUntil the former last day, null when it had none yet
 * @param validUntil         the new last day
 * @param reason             why, as staff wrote it
 * @param extendedAt         when
 */
@JsonTypeName("palestra.subscriptions.PassExtended.v1")
public record PassExtended(UUID organizationId, UUID passId, UUID memberId, @Nullable LocalDate previousValidUntil,
                           LocalDate validUntil, String reason, Instant extendedAt) implements SubscriptionsEvent {
}
