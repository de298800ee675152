package io.palestra.subscription.integration;

import io.palestra.events.bookings.BookingCancelled;
import io.palestra.events.bookings.SeatReserved;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import io.palestra.subscription.credit.CreditDecisions;
import io.palestra.subscription.credit.Seat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * What subscription-service reads from {@code palestra.bookings.events}, once per event (the inbox): held seats to
 * pay for and cancelled bookings to re-credit, for {@link CreditDecisions}. A record that fails (two bookings racing
 * for one last credit: the loser's transaction fails on the pass's version) is retried with back-off and then
 * decided again from the new state. Three consumers by default ({@code palestra.credit-protocol.consumers}), one per
 * partition of the topic: records of one session stay in order, sessions are decided in parallel.
 */
@Component
class BookingsEvents {

    static final String CONSUMER = "subscriptions.credit-protocol";

    private final Inbox inbox;
    private final CreditDecisions decisions;
    private final Clock clock;

    BookingsEvents(Inbox inbox, CreditDecisions decisions, Clock clock) {
        this.inbox = inbox;
        this.decisions = decisions;
        this.clock = clock;
    }

    @KafkaListener(topics = "palestra.bookings.events", groupId = CONSUMER,
            concurrency = "${palestra.credit-protocol.consumers:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (payload instanceof SeatReserved seat) {
                inbox.handleOnce(CONSUMER, event, () -> decisions.seatReserved(new Seat(seat.organizationId(),
                        seat.siteId(), seat.sessionId(), seat.bookingId(), seat.memberId(), seat.activityType(),
                        seat.startsAt(), seat.credits()), clock.instant()));
            } else if (payload instanceof BookingCancelled cancelled) {
                inbox.handleOnce(CONSUMER, event, () -> decisions.bookingCancelled(cancelled.organizationId(),
                        cancelled.sessionId(), cancelled.bookingId(), cancelled.memberId(), cancelled.recredit(),
                        clock.instant()));
            }
        });
    }
}
