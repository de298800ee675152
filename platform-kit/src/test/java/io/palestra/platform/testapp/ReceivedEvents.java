package io.palestra.platform.testapp;

import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A consumer as services write them: reads the events the test service publishes and a test topic, and records
 * each event once. Subjects named {@code poison} fail every time; {@code fail-after-effect} fails after its effect,
 * which must then roll back with the inbox record.
 */
@Component
class ReceivedEvents {

    static final String TEST_TOPIC = "palestra.test.inbox";

    private final Inbox inbox;
    private final JdbcClient jdbc;

    ReceivedEvents(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = {"palestra.members.events", TEST_TOPIC}, groupId = "platform-kit-test.received")
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        if ("poison".equals(event.subject())) {
            throw new IllegalStateException("This record can never be handled");
        }
        inbox.handleOnce("test.received", event, () -> {
            jdbc.sql("INSERT INTO received_event (event_id, type) VALUES (?, ?)")
                    .params(event.id(), event.type()).update();
            if ("fail-after-effect".equals(event.subject())) {
                throw new IllegalStateException("Failing after the effect");
            }
        });
    }
}
