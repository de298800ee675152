package io.palestra.members.organization;

import io.palestra.members.organization.OrganizationMessages.SiteAddress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What can be asked about organisations, and the answers. */
public final class OrganizationQueries {

    private OrganizationQueries() {
    }

    public record FindOrganization(UUID organizationId) {
    }

    public record OrganizationView(UUID id, String name, String currency, String timeZone, String locale,
                                   List<SiteView> sites, Instant createdAt, long version) {
    }

    public record SiteView(UUID id, String name, String timeZone, SiteAddress address) {
    }
}
