package io.palestra.billing.integration;

import io.palestra.billing.party.Parties;
import io.palestra.events.members.MemberProfile;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * What billing-service reads from the compacted {@code palestra.members.profiles} topic: the names, e-mail and main
 * address invoices are issued to. A tombstone (the member's erasure) drops them.
 */
@Component
class MemberProfilesEvents {

    static final String CONSUMER = "billing.member-profiles";

    private final Inbox inbox;
    private final Parties parties;

    MemberProfilesEvents(Inbox inbox, Parties parties) {
        this.inbox = inbox;
        this.parties = parties;
    }

    @KafkaListener(topics = "palestra.members.profiles", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        if (event.isTombstone()) {
            inbox.handleOnce(CONSUMER, event, () -> parties.profileErased(UUID.fromString(record.key())));
            return;
        }
        event.event().ifPresent(payload -> {
            if (payload instanceof MemberProfile profile) {
                inbox.handleOnce(CONSUMER, event, () -> parties.profile(profile.organizationId(), profile.memberId(),
                        profile.memberCode(), profile.firstName(), profile.lastName(), profile.email(),
                        profile.addresses() == null || profile.addresses().isEmpty() ? null
                                : profile.addresses().get(0)));
            }
        });
    }
}
