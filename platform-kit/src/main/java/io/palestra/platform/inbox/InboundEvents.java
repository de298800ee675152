package io.palestra.platform.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.palestra.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.UUID;

/** Reads a Kafka record in CloudEvents binary mode into an {@link InboundEvent}. */
public final class InboundEvents {

    private static final CloudEventDeserializer DESERIALIZER = new CloudEventDeserializer();

    private InboundEvents() {
    }

    /**
     * @throws NotACloudEvent when the record lacks the CloudEvents headers Palestra always writes
     */
    public static InboundEvent read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = DESERIALIZER.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            throw new NotACloudEvent("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " is not a CloudEvent: " + e.getMessage());
        }
        Object organization = event.getExtension(CloudEventHeaders.EXT_ORGANIZATION_ID);
        Object sequence = event.getExtension(CloudEventHeaders.EXT_SEQUENCE);
        Object correlation = event.getExtension(CloudEventHeaders.EXT_CORRELATION_ID);
        try {
            return new InboundEvent(event.getId(), event.getType(), record.topic(), event.getSubject(),
                    organization == null ? null : UUID.fromString(organization.toString()),
                    sequence == null ? null : Long.valueOf(sequence.toString()),
                    correlation == null ? null : correlation.toString(),
                    event.getTime() == null ? null : event.getTime().toInstant(),
                    event.getData() == null ? null : event.getData().toBytes());
        } catch (IllegalArgumentException e) {
            throw new NotACloudEvent("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " has malformed Palestra attributes: " + e.getMessage());
        }
    }

    /** A record that cannot be read: retrying will not help, it goes to the dead-letter topic at once. */
    public static class NotACloudEvent extends RuntimeException {
        public NotACloudEvent(String message) {
            super(message);
        }
    }
}
