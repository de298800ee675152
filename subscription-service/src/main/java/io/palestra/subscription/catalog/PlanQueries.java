package io.palestra.subscription.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading the catalog. */
public final class PlanQueries {

    private PlanQueries() {
    }

    public record FindPlan(UUID organizationId, UUID planId) {
    }

    /** The organisation's plans, by name; every filter optional. */
    public record ListPlans(UUID organizationId, PlanKind kind, String status, UUID siteId) {
    }

    /** {@code status}: draft, published or retired. */
    public record PlanView(UUID id, UUID organizationId, PlanKind kind, String status, PlanTerms terms,
                           Instant createdAt, Instant publishedAt, Instant retiredAt, long version) {
    }

    public record PlanList(List<PlanView> items) {
    }
}
