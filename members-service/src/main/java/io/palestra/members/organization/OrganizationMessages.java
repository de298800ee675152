package io.palestra.members.organization;

import io.palestra.events.PostalAddress;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;
import java.util.UUID;

/** Commands and events of the organisation aggregate. */
public final class OrganizationMessages {

    private OrganizationMessages() {
    }

    /** A site to open with a new organisation. */
    public record NewSite(UUID siteId, String name, String timeZone, SiteAddress address) {
    }

    /** Where a site is; the same shape as the published {@link PostalAddress}. */
    public record SiteAddress(String line1, String line2, String postalCode, String city, String region,
                              String country) {
    }

    public record CreateOrganization(@TargetAggregateIdentifier UUID organizationId, String name, String currency,
                                     String timeZone, String locale, List<NewSite> sites) {
    }

    public record AddSite(@TargetAggregateIdentifier UUID organizationId, UUID siteId, String name,
                          String timeZone, SiteAddress address, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RenameSite(@TargetAggregateIdentifier UUID organizationId, UUID siteId, String name,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    public record OrganizationCreated(UUID organizationId, String name, String currency, String timeZone,
                                      String locale) {
    }

    public record SiteAdded(UUID organizationId, UUID siteId, String name, String timeZone, SiteAddress address) {
    }

    public record SiteRenamed(UUID organizationId, UUID siteId, String name) {
    }
}
