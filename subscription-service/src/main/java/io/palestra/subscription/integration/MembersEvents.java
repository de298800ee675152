package io.palestra.subscription.integration;

import io.palestra.events.members.OrganizationCreated;
import io.palestra.events.members.SiteAdded;
import io.palestra.events.members.SiteRenamed;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import io.palestra.subscription.organization.OrganizationCopy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What subscription-service reads from {@code palestra.members.events}, once per event (the inbox): organisations and
 * their sites, into {@link OrganizationCopy}. Other types are skipped.
 */
@Component
class MembersEvents {

    static final String CONSUMER = "subscriptions.organization-copy";

    private final Inbox inbox;
    private final OrganizationCopy organizations;

    MembersEvents(Inbox inbox, OrganizationCopy organizations) {
        this.inbox = inbox;
        this.organizations = organizations;
    }

    @KafkaListener(topics = "palestra.members.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (payload instanceof OrganizationCreated created) {
                inbox.handleOnce(CONSUMER, event, () -> organizations.organizationCreated(created.organizationId(),
                        created.currency(), created.timeZone()));
            } else if (payload instanceof SiteAdded added) {
                inbox.handleOnce(CONSUMER, event, () -> organizations.siteAdded(added.organizationId(),
                        added.siteId(), added.name(), added.timeZone()));
            } else if (payload instanceof SiteRenamed renamed) {
                inbox.handleOnce(CONSUMER, event, () -> organizations.siteRenamed(renamed.siteId(), renamed.name()));
            }
        });
    }
}
