package io.palestra.subscription.integration;

import io.palestra.events.members.HouseholdChanged;
import io.palestra.events.members.MemberTransferred;
import io.palestra.events.members.MembersMerged;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import io.palestra.platform.organization.OrganizationCopy;
import io.palestra.subscription.member.MemberCopy;
import io.palestra.subscription.pass.PassHolders;
import io.palestra.subscription.subscription.SubscriptionHolders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * What subscription-service reads from {@code palestra.members.events}, once per event (the inbox): organisations and
 * their sites, into {@link OrganizationCopy}; households and merges, into {@link MemberCopy}; a merge re-points the
 * duplicate's subscriptions and passes to the survivor, a transfer moves the member's running subscriptions to the new
 * home site. Erasure needs nothing here: this service holds member ids, never names or contacts. Other types are
 * skipped.
 */
@Component
class MembersEvents {

    static final String CONSUMER = "subscriptions.organization-copy";

    private final Inbox inbox;
    private final OrganizationCopy organizations;
    private final MemberCopy members;
    private final SubscriptionHolders subscriptions;
    private final PassHolders passes;
    private final Clock clock;

    MembersEvents(Inbox inbox, OrganizationCopy organizations, MemberCopy members, SubscriptionHolders subscriptions,
                  PassHolders passes, Clock clock) {
        this.inbox = inbox;
        this.organizations = organizations;
        this.members = members;
        this.subscriptions = subscriptions;
        this.passes = passes;
        this.clock = clock;
    }

    @KafkaListener(topics = "palestra.members.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (OrganizationCopy.isAbout(payload)) {
                inbox.handleOnce(CONSUMER, event, () -> organizations.follow(payload));
            } else if (payload instanceof HouseholdChanged household) {
                inbox.handleOnce(CONSUMER, event, () -> members.householdChanged(household.organizationId(),
                        household.householdId(), household.memberIds()));
            } else if (payload instanceof MembersMerged merged) {
                inbox.handleOnce(CONSUMER, event, () -> {
                    members.merged(merged.organizationId(), merged.duplicateId(), merged.survivorId());
                    subscriptions.merged(merged.organizationId(), merged.duplicateId(), merged.survivorId(),
                            clock.instant());
                    passes.merged(merged.organizationId(), merged.duplicateId(), merged.survivorId(),
                            clock.instant());
                });
            } else if (payload instanceof MemberTransferred transferred) {
                inbox.handleOnce(CONSUMER, event, () -> subscriptions.transferred(transferred.organizationId(),
                        transferred.memberId(), transferred.toSiteId(), clock.instant()));
            }
        });
    }
}
