package io.palestra.members.organization;

import io.palestra.members.organization.OrganizationMessages.OrganizationCreated;
import io.palestra.members.organization.OrganizationMessages.SiteAddress;
import io.palestra.members.organization.OrganizationMessages.SiteAdded;
import io.palestra.members.organization.OrganizationMessages.SiteRenamed;
import io.palestra.members.organization.OrganizationQueries.FindOrganization;
import io.palestra.members.organization.OrganizationQueries.OrganizationView;
import io.palestra.members.organization.OrganizationQueries.SiteView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The organisations and their sites as staff read them. Rebuildable: a reset empties it for a replay. */
@Component
@ProcessingGroup(OrganizationDirectory.GROUP)
class OrganizationDirectory {

    static final String GROUP = "organization-directory";

    private final JdbcClient jdbc;

    OrganizationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO organization_view (organization_id, name, currency, time_zone, locale, created_at,
                                                       version)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organization_id) DO NOTHING""")
                .params(event.organizationId(), event.name(), event.currency(), event.timeZone(), event.locale(),
                        at.atOffset(ZoneOffset.UTC), version)
                .update();
    }

    @EventHandler
    void on(SiteAdded event, @SequenceNumber long version) {
        SiteAddress address = event.address() != null ? event.address()
                : new SiteAddress(null, null, null, null, null, null);
        jdbc.sql("""
                        INSERT INTO site_view (site_id, organization_id, name, time_zone, address_line1, address_line2,
                                               postal_code, city, region, country)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id) DO NOTHING""")
                .params(event.siteId(), event.organizationId(), event.name(), event.timeZone(), address.line1(),
                        address.line2(), address.postalCode(), address.city(), address.region(), address.country())
                .update();
        touch(event.organizationId(), version);
    }

    @EventHandler
    void on(SiteRenamed event, @SequenceNumber long version) {
        jdbc.sql("UPDATE site_view SET name = ? WHERE site_id = ?").params(event.name(), event.siteId()).update();
        touch(event.organizationId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE site_view, organization_view").update();
    }

    @QueryHandler
    Optional<OrganizationView> find(FindOrganization query) {
        List<SiteView> sites = jdbc.sql("""
                        SELECT site_id, name, time_zone, address_line1, address_line2, postal_code, city, region,
                               country
                        FROM site_view WHERE organization_id = ? ORDER BY name""")
                .param(query.organizationId())
                .query((row, number) -> site(row))
                .list();
        return jdbc.sql("""
                        SELECT organization_id, name, currency, time_zone, locale, created_at, version
                        FROM organization_view WHERE organization_id = ?""")
                .param(query.organizationId())
                .query((row, number) -> new OrganizationView(row.getObject(1, UUID.class), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5),
                        sites, row.getObject(6, OffsetDateTime.class).toInstant(), row.getLong(7)))
                .optional();
    }

    private void touch(UUID organizationId, long version) {
        jdbc.sql("UPDATE organization_view SET version = ? WHERE organization_id = ? AND version < ?")
                .params(version, organizationId, version).update();
    }

    private static SiteView site(ResultSet row) throws SQLException {
        SiteAddress address = row.getString(4) == null ? null : new SiteAddress(row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9));
        return new SiteView(row.getObject(1, UUID.class), row.getString(2), row.getString(3), address);
    }
}
