package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A household as it now is, whole, after it was opened, changed or dissolved: keep the latest per household. The
 * holder receives the household's communications and pays for it (billing invoices the holder). A dissolved
 * household has no holder and no members.
 *
 * @param organizationId the organisation
 * @param householdId    the household (also the record key)
 * @param holderId       the account holder; null once dissolved
 * @param memberIds      everyone in the household, the holder first
 */
@JsonTypeName("palestra.members.HouseholdChanged.v1")
public record HouseholdChanged(UUID organizationId, UUID householdId, @Nullable UUID holderId, List<UUID> memberIds)
        implements MembersEvent {
}
