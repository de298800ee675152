package io.palestra.test;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.palestra.events.EventStream;
import io.palestra.events.EventTypes;
import io.palestra.events.PublishedEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes a record of the published language on the test broker as its service does: a CloudEvent in Kafka's
 * binary mode, on its stream's topic, under the key given. For tests of a consumer whose producer is another
 * service.
 */
public final class PublishedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedEvents() {
    }

    /** Publishes {@code event} with a new event id. */
    public static void publish(PublishedEvent event, Object key) {
        publish(event, key, UUID.randomUUID().toString());
    }

    /** Publishes {@code event} with the event id given: the same id twice is a redelivery. */
    public static void publish(PublishedEvent event, Object key, String eventId) {
        EventStream stream = EventTypes.streamOf(event.getClass());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            RecordHeaders headers = new RecordHeaders();
            byte[] value = new CloudEventSerializer().serialize(stream.topic(), headers,
                    CloudEventBuilder.v1().withId(eventId)
                            .withType(EventTypes.typeOf(event.getClass()))
                            .withSource(URI.create("/palestra/" + stream.context()))
                            .withSubject(key.toString()).withTime(OffsetDateTime.now())
                            .withExtension("organizationid", event.organizationId().toString())
                            .withDataContentType("application/json").withData(JSON.writeValueAsBytes(event))
                            .build());
            producer.send(new ProducerRecord<>(stream.topic(), null, key.toString(), value, headers)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
