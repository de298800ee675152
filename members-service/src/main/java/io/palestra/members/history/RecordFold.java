package io.palestra.members.history;

import io.palestra.members.history.MemberHistoryQueries.FieldChange;
import io.palestra.members.history.MemberHistoryQueries.HistoryEntry;
import io.palestra.members.history.RecordRules.Rule;
import io.palestra.platform.axon.Metadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A member's record folded in memory from its events, oldest first: each event applied says what it changed, old and
 * new. An event the history does not know, or cannot read, never stops it: it shows under its type's name with its
 * fields as new values, and leaves the record as it was.
 */
final class RecordFold {

    private static final Logger log = LoggerFactory.getLogger(RecordFold.class);
    /** The same in every event of the stream: no news in a change. */
    private static final Set<String> STREAM_FIELDS = Set.of("memberId", "organizationId");

    private ObjectNode record = JsonNodeFactory.instance.objectNode();
    private Long sequence;

    HistoryEntry apply(DomainEventMessage<?> event) {
        sequence = event.getSequenceNumber();
        Object actor = event.getMetaData().get(Metadata.ACTING_USER);
        return new HistoryEntry(event.getSequenceNumber(), event.getTimestamp(),
                actor == null ? null : actor.toString(), changeName(event), changes(event));
    }

    /** The record so far, a copy. */
    ObjectNode record() {
        return record.deepCopy();
    }

    /** The sequence of the last event applied; empty before the first. */
    Optional<Long> sequence() {
        return Optional.ofNullable(sequence);
    }

    private String changeName(DomainEventMessage<?> event) {
        return known(event).map(Rule::change).orElseGet(() -> EventPayloads.kebabName(event));
    }

    private List<FieldChange> changes(DomainEventMessage<?> event) {
        try {
            ObjectNode payload = EventPayloads.tree(event);
            Optional<Rule> rule = known(event);
            if (rule.isEmpty()) {
                return asNewValues(payload);
            }
            ObjectNode next = record.deepCopy();
            rule.get().applyTo(next, payload);
            List<FieldChange> changes = FieldChanges.between(record, next);
            record = next;
            return changes;
        } catch (RuntimeException unreadable) {
            log.warn("Event {} of {} ({}) could not be folded into the member's history; shown without its fields",
                    event.getSequenceNumber(), event.getAggregateIdentifier(), event.getPayloadType().getName(),
                    unreadable);
            return List.of();
        }
    }

    private static Optional<Rule> known(DomainEventMessage<?> event) {
        try {
            return RecordRules.of(event.getPayloadType());
        } catch (RuntimeException unloadable) {
            return Optional.empty();
        }
    }

    private static List<FieldChange> asNewValues(ObjectNode payload) {
        List<FieldChange> changes = new ArrayList<>();
        JsonNode nothing = JsonNodeFactory.instance.nullNode();
        for (String name : payload.propertyNames()) {
            if (!STREAM_FIELDS.contains(name)) {
                changes.add(new FieldChange(name, nothing, payload.get(name)));
            }
        }
        return changes;
    }
}
