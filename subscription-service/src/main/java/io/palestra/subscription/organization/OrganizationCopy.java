package io.palestra.subscription.organization;

import io.palestra.events.members.OrganizationCreated;
import io.palestra.events.members.SiteAdded;
import io.palestra.events.members.SiteRenamed;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps a copy of each organisation's currency and sites from {@code palestra.members.events}, once per event
 * (the inbox), so that offers are priced in the organisation's currency and valid at its sites only.
 */
@Component
class OrganizationCopy implements Organizations {

    static final String CONSUMER = "subscriptions.organization-copy";

    private final Inbox inbox;
    private final JdbcClient jdbc;

    OrganizationCopy(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "palestra.members.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event()
                .filter(payload -> payload instanceof OrganizationCreated || payload instanceof SiteAdded
                        || payload instanceof SiteRenamed)
                .ifPresent(payload -> inbox.handleOnce(CONSUMER, event, () -> apply(payload)));
    }

    private void apply(Object payload) {
        if (payload instanceof OrganizationCreated created) {
            jdbc.sql("""
                            INSERT INTO organization_copy (organization_id, currency, time_zone) VALUES (?, ?, ?)
                            ON CONFLICT (organization_id) DO UPDATE SET currency = EXCLUDED.currency,
                                                                        time_zone = EXCLUDED.time_zone""")
                    .params(created.organizationId(), created.currency(), created.timeZone()).update();
        } else if (payload instanceof SiteAdded added) {
            jdbc.sql("""
                            INSERT INTO site_copy (site_id, organization_id, name, time_zone) VALUES (?, ?, ?, ?)
                            ON CONFLICT (site_id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone""")
                    .params(added.siteId(), added.organizationId(), added.name(), added.timeZone()).update();
        } else if (payload instanceof SiteRenamed renamed) {
            jdbc.sql("UPDATE site_copy SET name = ? WHERE site_id = ?").params(renamed.name(), renamed.siteId())
                    .update();
        }
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
}
