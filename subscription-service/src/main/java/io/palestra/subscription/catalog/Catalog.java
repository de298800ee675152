package io.palestra.subscription.catalog;

import java.util.Optional;
import java.util.UUID;

/** What the rest of the service sells from the catalog: a published offer of the organisation, with its terms. */
public interface Catalog {

    /** The offer if it belongs to the organisation, whatever its status. */
    Optional<Offer> offer(UUID organizationId, UUID planId);

    /**
     * @param status draft, published or retired: only a published offer is sold
     */
    record Offer(UUID planId, UUID organizationId, PlanKind kind, String status, PlanTerms terms) {

        public boolean onSale() {
            return "published".equals(status);
        }
    }
}
