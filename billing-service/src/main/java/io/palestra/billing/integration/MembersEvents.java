package io.palestra.billing.integration;

import io.palestra.billing.party.Parties;
import io.palestra.events.members.HouseholdChanged;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import io.palestra.platform.organization.OrganizationCopy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What billing-service reads from {@code palestra.members.events}, once per event (the inbox): organisations (their
 * currency and time zone) and their sites, and households (whose holder pays for them). Other types are skipped.
 */
@Component
class MembersEvents {

    static final String CONSUMER = "billing.members";

    private final Inbox inbox;
    private final OrganizationCopy organizations;
    private final Parties parties;

    MembersEvents(Inbox inbox, OrganizationCopy organizations, Parties parties) {
        this.inbox = inbox;
        this.organizations = organizations;
        this.parties = parties;
    }

    @KafkaListener(topics = "palestra.members.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (OrganizationCopy.isAbout(payload)) {
                inbox.handleOnce(CONSUMER, event, () -> organizations.follow(payload));
            } else if (payload instanceof HouseholdChanged household) {
                inbox.handleOnce(CONSUMER, event, () -> parties.household(household.organizationId(),
                        household.householdId(), household.holderId(), household.memberIds()));
            }
        });
    }
}
