package io.palestra.booking.integration;

import io.palestra.booking.member.MemberCopy;
import io.palestra.events.members.MemberProfile;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * What booking-service reads from the compacted {@code palestra.members.profiles} topic: the code and names rosters
 * show. A tombstone (the member's erasure) drops the names; nothing else of a profile is kept here.
 */
@Component
class MemberProfilesEvents {

    static final String CONSUMER = "bookings.member-profiles";

    private final Inbox inbox;
    private final MemberCopy members;

    MemberProfilesEvents(Inbox inbox, MemberCopy members) {
        this.inbox = inbox;
        this.members = members;
    }

    @KafkaListener(topics = "palestra.members.profiles", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        if (event.isTombstone()) {
            inbox.handleOnce(CONSUMER, event, () -> members.profileErased(UUID.fromString(record.key())));
            return;
        }
        event.event().ifPresent(payload -> {
            if (payload instanceof MemberProfile profile) {
                inbox.handleOnce(CONSUMER, event, () -> members.profile(profile.organizationId(), profile.memberId(),
                        profile.memberCode(), profile.firstName(), profile.lastName()));
            }
        });
    }
}
