package io.palestra.members.integration;

import io.palestra.events.subscriptions.MemberSubscribed;
import io.palestra.events.subscriptions.SubscriptionStatusChanged;
import io.palestra.members.member.MemberSubscriptions;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What members-service reads from {@code palestra.subscriptions.events}, once per event (the inbox): members'
 * subscriptions and their statuses, into {@link MemberSubscriptions}. Other types are skipped.
 */
@Component
class SubscriptionsEvents {

    static final String CONSUMER = "members.subscriptions";

    private final Inbox inbox;
    private final MemberSubscriptions subscriptions;

    SubscriptionsEvents(Inbox inbox, MemberSubscriptions subscriptions) {
        this.inbox = inbox;
        this.subscriptions = subscriptions;
    }

    @KafkaListener(topics = "palestra.subscriptions.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (payload instanceof MemberSubscribed subscribed) {
                inbox.handleOnce(CONSUMER, event, () -> subscriptions.subscribed(subscribed.organizationId(),
                        subscribed.subscriptionId(), subscribed.memberId(), subscribed.subscribedAt()));
            } else if (payload instanceof SubscriptionStatusChanged changed) {
                inbox.handleOnce(CONSUMER, event, () -> subscriptions.statusChanged(changed.organizationId(),
                        changed.subscriptionId(), changed.memberId(), changed.status(), changed.changedAt()));
            }
        });
    }
}
