package io.palestra.booking.integration;

import io.palestra.booking.resource.ResourceDay;
import io.palestra.booking.resource.ResourceMessages.ConfirmSlot;
import io.palestra.booking.resource.ResourceMessages.RefuseSlot;
import io.palestra.booking.session.SessionMessages.ConfirmBooking;
import io.palestra.booking.session.SessionMessages.RefuseBooking;
import io.palestra.events.subscriptions.CreditConsumed;
import io.palestra.events.subscriptions.CreditRefused;
import io.palestra.platform.axon.StoredAggregates;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The credit protocol's answers, from {@code palestra.subscriptions.events}: what paid for a held seat (or slot)
 * confirms the booking, a refusal frees the seat (for the next in line). The answer's session id is a class session
 * or a resource's day, told apart by the aggregate type the event store holds for it. Idempotent without the inbox: the session itself decides
 * once (an answer for a booking no longer holding a seat changes nothing), so a redelivered record is harmless. And
 * each answer is the session's own command in its own transaction, so it holds the session's lock until its events
 * are committed: answers and bookings of one session never race for the same sequence number (inside an inbox
 * transaction the lock would be released before the commit). An answer about a session this service does not have
 * (another deployment's) is skipped. Three consumers by default ({@code palestra.bookings.answer-consumers}), one per
 * partition.
 */
@Component
class SubscriptionsEvents {

    static final String CONSUMER = "bookings.credit-answers";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionsEvents.class);

    private final CommandGateway commands;
    private final StoredAggregates aggregates;

    SubscriptionsEvents(CommandGateway commands, StoredAggregates aggregates) {
        this.commands = commands;
        this.aggregates = aggregates;
    }

    /** Whether the answer's "session" is a resource's day (a slot booking) rather than a class session. */
    private boolean slot(UUID sessionId) {
        return aggregates.type(sessionId).map(ResourceDay.class.getSimpleName()::equals).orElse(false);
    }

    @KafkaListener(topics = "palestra.subscriptions.events", groupId = CONSUMER,
            concurrency = "${palestra.bookings.answer-consumers:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            try {
                if (payload instanceof CreditConsumed consumed) {
                    commands.sendAndWait(slot(consumed.sessionId())
                            ? new ConfirmSlot(consumed.sessionId(), consumed.bookingId(), consumed.paidBy(),
                            consumed.payerId(), consumed.credits(), consumed.consumedAt())
                            : new ConfirmBooking(consumed.sessionId(), consumed.bookingId(), consumed.paidBy(),
                            consumed.payerId(), consumed.credits(), consumed.consumedAt()));
                } else if (payload instanceof CreditRefused refused) {
                    commands.sendAndWait(slot(refused.sessionId())
                            ? new RefuseSlot(refused.sessionId(), refused.bookingId(), refused.reason(),
                            refused.refusedAt())
                            : new RefuseBooking(refused.sessionId(), refused.bookingId(), refused.reason(),
                            refused.refusedAt()));
                }
            } catch (AggregateNotFoundException unknown) {
                log.info("Skipped {} {}: its session is not one of this service's", event.type(), event.id());
            }
        });
    }
}
