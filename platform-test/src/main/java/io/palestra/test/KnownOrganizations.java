package io.palestra.test;

import io.palestra.events.members.OrganizationCreated;
import io.palestra.events.members.SiteAdded;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** An organisation a service under test knows the way production does: from members-service's published events. */
public final class KnownOrganizations {

    private KnownOrganizations() {
    }

    /**
     * Publishes "Studio Zen" (in euros, Europe/Paris) with its site Lyon, and waits until the service's
     * {@code OrganizationCopy} ({@code site_copy} in its database) knows them.
     */
    public static void studioInLyon(JdbcClient jdbc, UUID organization, UUID lyon) {
        PublishedEvents.publish(new OrganizationCreated(organization, "Studio Zen", "EUR", "Europe/Paris", "fr-FR"),
                organization);
        PublishedEvents.publish(new SiteAdded(organization, lyon, "Lyon", "Europe/Paris", null), organization);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM site_copy WHERE organization_id = ?").param(organization)
                .query(Long.class).single() == 1);
    }
}
