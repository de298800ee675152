package io.palestra.platform.relay;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.palestra.events.CloudEventHeaders;
import io.palestra.events.EventStream;
import io.palestra.events.EventTypes;
import io.palestra.events.Tombstone;
import io.palestra.platform.axon.Metadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Builds the Kafka record of a publication: CloudEvents 1.0 in binary mode, the published record as JSON value (a
 * {@link Tombstone} has none: a null value erases its key on a compacted topic).
 * The first publication of an event carries the event's own id; further ones get an id derived from it, stable
 * across re-sends so that consumers can dedupe.
 */
class CloudEventRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String context;
    private final URI source;
    private final CloudEventSerializer serializer = new CloudEventSerializer();

    CloudEventRecords(String context) {
        this.context = context;
        this.source = URI.create("/palestra/" + context);
    }

    ProducerRecord<String, byte[]> of(Publication publication, EventMessage<?> message, int index) {
        String type = EventTypes.typeOf(publication.event().getClass());
        EventStream stream = EventTypes.streamOf(publication.event().getClass());
        if (!stream.context().equals(context)) {
            throw new IllegalStateException("The " + context + " service cannot publish " + type + " on "
                    + stream.topic());
        }
        String id = index == 0 ? message.getIdentifier()
                : UUID.nameUUIDFromBytes((message.getIdentifier() + "/" + type).getBytes(StandardCharsets.UTF_8))
                .toString();
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withSubject(publication.key())
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withExtension(CloudEventHeaders.EXT_ORGANIZATION_ID, publication.event().organizationId().toString());
        if (!(publication.event() instanceof Tombstone)) {
            event.withDataContentType("application/json").withData(JSON.writeValueAsBytes(publication.event()));
        }
        if (message instanceof DomainEventMessage<?> domain) {
            event.withExtension(CloudEventHeaders.EXT_SEQUENCE, Long.toString(domain.getSequenceNumber()));
        }
        extension(event, CloudEventHeaders.EXT_CORRELATION_ID, message.getMetaData().get(Metadata.CORRELATION_ID));
        extension(event, CloudEventHeaders.EXT_TRACEPARENT, message.getMetaData().get(Metadata.TRACEPARENT));
        CloudEvent cloudEvent = event.build();
        RecordHeaders headers = new RecordHeaders();
        byte[] value = serializer.serialize(stream.topic(), headers, cloudEvent);
        Object traceparent = message.getMetaData().get(Metadata.TRACEPARENT);
        if (traceparent != null) {
            // The plain W3C header too, which Kafka consumers' tracing (Spring Kafka observation) continues from.
            headers.add("traceparent", traceparent.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(stream.topic(), null, publication.key(), value, headers);
    }

    private static void extension(CloudEventBuilder event, String name, Object value) {
        if (value != null) {
            event.withExtension(name, value.toString());
        }
    }
}
