package io.palestra.booking.resource;

import io.palestra.platform.organization.Organizations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The resources as their days' slots are checked against: their terms as last defined (from the directory, a moment
 * behind a change) and their site's time zone.
 */
@Component
public class ResourceCatalog {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Organizations organizations;

    ResourceCatalog(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    public record Known(UUID resourceId, UUID organizationId, UUID siteId, ResourceTerms terms, ZoneId zone) {
    }

    public Optional<Known> find(UUID organizationId, UUID resourceId) {
        return jdbc.sql("SELECT site_id, terms FROM resource_view WHERE resource_id = ? AND organization_id = ?")
                .params(resourceId, organizationId)
                .query((rs, row) -> {
                    UUID site = rs.getObject("site_id", UUID.class);
                    return new Known(resourceId, organizationId, site,
                            JSON.readValue(rs.getString("terms"), ResourceTerms.class),
                            organizations.zone(organizationId, site));
                })
                .optional();
    }
}
