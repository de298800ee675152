package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A subscription's status as staff read it changed. Statuses: {@code upcoming}, {@code active-recurring},
 * {@code active-with-end-date}, {@code pause-upcoming}, {@code paused}, {@code cancellation-requested},
 * {@code cancellation-upcoming}, {@code cancelled}, {@code expired}, {@code needs-attention}; docs/subscriptions.md
 * tells when each one begins and ends.
 *
 * @param organizationId the organisation
 * @param subscriptionId the subscription (also the record key)
 * @param memberId       the subscriber
 * @param status         the new status
 * @param previousStatus the status before
 * @param endsOn         the last day covered as it now stands, null when open-ended
 * @param pauseFrom      first day of the pause, when one is upcoming or running
 * @param pauseUntil     the day it resumes, when one is upcoming or running
 * @param reason         why, e.g. {@code payment-failed}, {@code mandate-missing}, {@code cancelled-by-staff}
 * @param changedAt      when
 */
@JsonTypeName("palestra.subscriptions.SubscriptionStatusChanged.v1")
public record SubscriptionStatusChanged(UUID organizationId, UUID subscriptionId, UUID memberId, String status,
                                        String previousStatus, @Nullable LocalDate endsOn,
                                        @Nullable LocalDate pauseFrom, @Nullable LocalDate pauseUntil,
                                        @Nullable String reason, Instant changedAt) implements SubscriptionsEvent {
}
