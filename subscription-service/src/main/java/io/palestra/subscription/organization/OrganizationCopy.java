package io.palestra.subscription.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * subscription-service's copy of each organisation's currency and sites, kept from members-service's events (see
 * {@code integration.MembersEvents}), so that offers are priced in the organisation's currency and valid at its
 * sites only. Every change is idempotent: an event applied twice leaves the same copy.
 */
@Component
public class OrganizationCopy implements Organizations {

    private final JdbcClient jdbc;

    OrganizationCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void organizationCreated(UUID organizationId, String currency, String timeZone) {
        jdbc.sql("""
                        INSERT INTO organization_copy (organization_id, currency, time_zone) VALUES (?, ?, ?)
                        ON CONFLICT (organization_id) DO UPDATE SET currency = EXCLUDED.currency,
                                                                    time_zone = EXCLUDED.time_zone""")
                .params(organizationId, currency, timeZone).update();
    }

    public void siteAdded(UUID organizationId, UUID siteId, String name, String timeZone) {
        jdbc.sql("""
                        INSERT INTO site_copy (site_id, organization_id, name, time_zone) VALUES (?, ?, ?, ?)
                        ON CONFLICT (site_id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone""")
                .params(siteId, organizationId, name, timeZone).update();
    }

    public void siteRenamed(UUID siteId, String name) {
        jdbc.sql("UPDATE site_copy SET name = ? WHERE site_id = ?").params(name, siteId).update();
    }

    @Override
    public Optional<String> currency(UUID organizationId) {
        return jdbc.sql("SELECT currency FROM organization_copy WHERE organization_id = ?").param(organizationId)
                .query(String.class).optional();
    }

    @Override
    public Set<UUID> sites(UUID organizationId) {
        return new HashSet<>(jdbc.sql("SELECT site_id FROM site_copy WHERE organization_id = ?").param(organizationId)
                .query(UUID.class).list());
    }

    @Override
    public ZoneId zone(UUID organizationId, UUID siteId) {
        return jdbc.sql("""
                        SELECT coalesce((SELECT time_zone FROM site_copy WHERE site_id = ? AND organization_id = ?),
                                        (SELECT time_zone FROM organization_copy WHERE organization_id = ?))""")
                .params(siteId, organizationId, organizationId).query(String.class).optional()
                .<ZoneId>map(ZoneId::of).orElse(ZoneOffset.UTC);
    }
}
