package io.palestra.booking.integration;

import io.palestra.booking.member.MemberCopy;
import io.palestra.events.members.MemberAnonymized;
import io.palestra.events.members.MemberBlacklistLifted;
import io.palestra.events.members.MemberBlacklisted;
import io.palestra.events.members.MemberRegistered;
import io.palestra.events.members.MembersMerged;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import io.palestra.platform.organization.OrganizationCopy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What booking-service reads from {@code palestra.members.events}, once per event (the inbox): organisations and
 * their sites ({@link OrganizationCopy}); members, merges, erasure and blacklist periods ({@link MemberCopy}). Bookings
 * themselves are never rewritten: a merged record's bookings are read as the survivor's, an erased member's show no
 * name. Other types are skipped.
 */
@Component
class MembersEvents {

    static final String CONSUMER = "bookings.members";

    private final Inbox inbox;
    private final OrganizationCopy organizations;
    private final MemberCopy members;

    MembersEvents(Inbox inbox, OrganizationCopy organizations, MemberCopy members) {
        this.inbox = inbox;
        this.organizations = organizations;
        this.members = members;
    }

    @KafkaListener(topics = "palestra.members.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (OrganizationCopy.isAbout(payload)) {
                inbox.handleOnce(CONSUMER, event, () -> organizations.follow(payload));
            } else if (payload instanceof MemberRegistered registered) {
                inbox.handleOnce(CONSUMER, event, () -> members.registered(registered.organizationId(),
                        registered.memberId(), registered.memberCode()));
            } else if (payload instanceof MembersMerged merged) {
                inbox.handleOnce(CONSUMER, event, () -> members.merged(merged.organizationId(), merged.duplicateId(),
                        merged.survivorId()));
            } else if (payload instanceof MemberAnonymized anonymized) {
                inbox.handleOnce(CONSUMER, event, () -> members.anonymized(anonymized.organizationId(),
                        anonymized.memberId()));
            } else if (payload instanceof MemberBlacklisted blacklisted) {
                inbox.handleOnce(CONSUMER, event, () -> members.blacklisted(blacklisted.organizationId(),
                        blacklisted.memberId(), blacklisted.periodId(), blacklisted.from(), blacklisted.until()));
            } else if (payload instanceof MemberBlacklistLifted lifted) {
                inbox.handleOnce(CONSUMER, event, () -> members.blacklistLifted(lifted.periodId()));
            }
        });
    }
}
