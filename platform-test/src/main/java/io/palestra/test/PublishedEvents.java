package io.palestra.test;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.palestra.events.EventStream;
import io.palestra.events.EventTypes;
import io.palestra.events.PublishedEvent;
import io.palestra.events.Tombstone;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes records of the published language as their service does: a CloudEvent in Kafka's binary mode, on its
 * stream's topic, under the key given; a {@link Tombstone} with no value. For tests of a consumer whose producer is
 * another service.
 */
public final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;

    /** A publisher to the broker at {@code bootstrapServers}, for many records; close it. */
    public PublishedEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    /** Publishes {@code event} with a new event id on the test broker and waits for the broker's acknowledgement. */
    public static void publish(PublishedEvent event, Object key) {
        publish(event, key, UUID.randomUUID().toString());
    }

    /** Publishes {@code event} with the event id given (the same id twice is a redelivery) on the test broker. */
    public static void publish(PublishedEvent event, Object key, String eventId) {
        try (PublishedEvents publisher = new PublishedEvents(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.send(event, key, eventId).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting; the future completes when the broker acknowledged the record. */
    public Future<RecordMetadata> send(PublishedEvent event, Object key, String eventId) {
        EventStream stream = EventTypes.streamOf(event.getClass());
        RecordHeaders headers = new RecordHeaders();
        CloudEventBuilder cloudEvent = CloudEventBuilder.v1().withId(eventId)
                .withType(EventTypes.typeOf(event.getClass()))
                .withSource(URI.create("/palestra/" + stream.context()))
                .withSubject(key.toString()).withTime(OffsetDateTime.now())
                .withExtension("organizationid", event.organizationId().toString());
        if (!(event instanceof Tombstone)) {
            cloudEvent.withDataContentType("application/json").withData(JSON.writeValueAsBytes(event));
        }
        byte[] value = new CloudEventSerializer().serialize(stream.topic(), headers, cloudEvent.build());
        return producer.send(new ProducerRecord<>(stream.topic(), null, key.toString(),
                event instanceof Tombstone ? null : value, headers));
    }

    @Override
    public void close() {
        producer.close();
    }
}
