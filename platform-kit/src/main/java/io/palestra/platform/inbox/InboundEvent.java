package io.palestra.platform.inbox;

import io.palestra.events.EventTypes;
import io.palestra.events.PublishedEvent;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A record read from a Palestra topic: its CloudEvents attributes and its JSON value.
 *
 * @param id             {@code ce_id}, what consumers dedupe on
 * @param type           {@code ce_type}, e.g. {@code palestra.members.MemberRegistered.v1}
 * @param topic          where it was read
 * @param subject        the aggregate it is about (also the record key)
 * @param organizationId the organisation it belongs to
 * @param sequence       its position within the aggregate, when it has one
 * @param correlationId  the correlation of the request or event that caused it
 * @param time           when it happened
 * @param data           the JSON value
 */
public record InboundEvent(String id, String type, String topic, String subject, UUID organizationId, Long sequence,
                           String correlationId, Instant time, byte[] data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The published record, read with today's classes; empty for a type this build does not know (a newer
     * producer), which consumers skip, and for a tombstone (see {@link #isTombstone()}).
     */
    public Optional<PublishedEvent> event() {
        return data == null ? Optional.empty() : EventTypes.classOf(type).map(type -> JSON.readValue(data, type));
    }

    /** A record with no value on a compacted topic: drop everything held for {@link #subject()}. */
    public boolean isTombstone() {
        return data == null;
    }
}
