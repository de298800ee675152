package io.palestra.subscription;

import io.palestra.platform.organization.Organizations;
import io.palestra.platform.timing.Wakeups;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What aggregate fixtures inject: an organisation selling in euros at given sites, wake-ups kept in a map. */
public final class FixtureResources {

    private FixtureResources() {
    }

    /** Every organisation sells in EUR at {@code sites}, in {@code zone}. */
    public static Organizations organizations(ZoneId zone, UUID... sites) {
        return new Organizations() {
            @Override
            public Optional<String> currency(UUID organizationId) {
                return Optional.of("EUR");
            }

            @Override
            public Set<UUID> sites(UUID organizationId) {
                return Set.of(sites);
            }

            @Override
            public ZoneId zone(UUID organizationId, UUID siteId) {
                return zone;
            }
        };
    }

    /** Wake-up times as set by the aggregates, by aggregate id. */
    public static final class RecordedWakeups implements Wakeups {

        private final Map<UUID, Instant> times = new HashMap<>();

        @Override
        public void wakeAt(String kind, UUID aggregateId, Instant at) {
            if (at == null) {
                times.remove(aggregateId);
            } else {
                times.put(aggregateId, at);
            }
        }

        public Map<UUID, Instant> times() {
            return times;
        }
    }
}
