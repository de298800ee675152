package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A pass can be used no more: it {@code expired} at the end of its last valid day, or was {@code cancelled} (with its
 * sale). Its remaining credits left it in a {@link PassCreditsMoved} just before.
 *
 * @param organizationId the organisation
 * @param passId         the pass (also the record key)
 * @param memberId       the holder
 * @param reason         {@code expired} or {@code cancelled}
 * @param note           staff's words for a cancellation, or null
 * @param endedAt        when
 */
@JsonTypeName("palestra.subscriptions.PassEnded.v1")
public record PassEnded(UUID organizationId, UUID passId, UUID memberId, String reason, @Nullable String note,
                        Instant endedAt) implements SubscriptionsEvent {
}
