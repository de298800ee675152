package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pass (a class or appointment card, a laissez-passer) was issued to a member for a sale. Its credits move as
 * {@link PassCreditsMoved}; it is activated per its rule ({@link PassActivated}) and ends ({@link PassEnded}).
 *
 * @param organizationId       the organisation
 * @param passId               the pass (also the record key)
 * @param memberId             the holder
 * @param planId               the pack it was sold from
 * @param kind                 {@code class-pack} or {@code appointment-pack}
 * @param credits              credits it holds, null for unlimited
 * @param saleReference        the sale it was issued for (an invoice number or reference)
 * @param activation           {@code sale}, {@code chosen-date} or {@code first-use}
 * @param validFrom            first valid day, null until a first-use pass is used
 * @param validUntil           last valid day, null until a first-use pass is used
 * @param shareableByHousehold whether the holder's household may use it
 * @param siteIds              where it is valid; empty: every site
 * @param activityTypes        what it pays for; empty: every activity
 * @param issuedAt             when
 */
@JsonTypeName("palestra.subscriptions.PassIssued.v1")
public record PassIssued(UUID organizationId, UUID passId, UUID memberId, UUID planId, String kind,
                         @Nullable Integer credits, String saleReference, String activation,
                         @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, boolean shareableByHousehold,
                         List<UUID> siteIds, List<String> activityTypes, Instant issuedAt)
        implements SubscriptionsEvent {
}
