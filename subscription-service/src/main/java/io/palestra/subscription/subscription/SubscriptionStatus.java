package io.palestra.subscription.subscription;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** A subscription's status as staff read it (seeds 003 and 004); docs/subscriptions.md says when each applies. */
public enum SubscriptionStatus {
    UPCOMING, ACTIVE_RECURRING, ACTIVE_WITH_END_DATE, PAUSE_UPCOMING, PAUSED, CANCELLATION_REQUESTED,
    CANCELLATION_UPCOMING, CANCELLED, EXPIRED, NEEDS_ATTENTION;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SubscriptionStatus of(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("is not a subscription status"));
    }

    /** Cancelled and expired subscriptions are over: nothing falls due, nothing changes them any more. */
    public boolean ended() {
        return this == CANCELLED || this == EXPIRED;
    }
}
