package io.palestra.subscription.catalog;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Where and for what an offer is valid, as sold: its sites (none listed: every site) and activity types (none listed:
 * every activity; compared without case).
 */
public record Scope(List<UUID> siteIds, List<String> activityTypes) {

    public Scope {
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        activityTypes = activityTypes == null ? List.of() : List.copyOf(activityTypes);
    }

    /** Whether a session of {@code activityType} at {@code siteId} is within it. */
    public boolean covers(UUID siteId, String activityType) {
        return (siteIds.isEmpty() || siteIds.contains(siteId)) && (activityTypes.isEmpty()
                || activityTypes.stream().anyMatch(activity -> activity.toLowerCase(Locale.ROOT)
                .equals(activityType == null ? null : activityType.toLowerCase(Locale.ROOT))));
    }
}
