package io.palestra.platform.organization;

import io.palestra.events.members.OrganizationCreated;
import io.palestra.events.members.SiteAdded;
import io.palestra.events.members.SiteRenamed;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A service's copy of each organisation's currency and time zone and of its sites, kept from members-service's
 * events: the service's members-events consumer hands every event to {@link #follow}, inside its inbox transaction.
 * Every change is idempotent: an event applied twice leaves the same copy.
 *
 * <p>A service opts in by importing this class and adding {@code classpath:db/organization} to its Flyway locations
 * (the tables {@code organization_copy} and {@code site_copy}; subscription-service created the same tables in its
 * own first migration, before they were shared).
 */
public class OrganizationCopy implements Organizations {

    private final JdbcClient jdbc;

    public OrganizationCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies {@code event} when it is about an organisation or its sites.
     *
     * @return whether it was (false: any other event, left to the caller)
     */
    public boolean follow(Object event) {
        if (event instanceof OrganizationCreated created) {
            organizationCreated(created.organizationId(), created.currency(), created.timeZone());
        } else if (event instanceof SiteAdded added) {
            siteAdded(added.organizationId(), added.siteId(), added.name(), added.timeZone());
        } else if (event instanceof SiteRenamed renamed) {
            siteRenamed(renamed.siteId(), renamed.name());
        } else {
            return false;
        }
        return true;
    }

    /** Whether {@link #follow} applies {@code event}: the consumer runs it in the inbox only then. */
    public static boolean isAbout(Object event) {
        return event instanceof OrganizationCreated || event instanceof SiteAdded || event instanceof SiteRenamed;
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
