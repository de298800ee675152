package io.palestra.members.history;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * What an event can do to the folded record, a JSON tree: set fields (a dotted path reaches inside an object), or
 * add, change and remove the entries of a collection keyed by id. Events are read as JSON trees too.
 */
final class Steps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Steps() {
    }

    /** One thing an event does to the record. */
    @FunctionalInterface
    interface Step {
        void apply(ObjectNode record, ObjectNode event);
    }

    /** The event's fields, each to the record field of the same name. */
    static Step fields(String... names) {
        return (record, event) -> {
            for (String name : names) {
                write(record, name, event.get(name));
            }
        };
    }

    /** One field of the event to a record field of another name. */
    static Step field(String name, String path) {
        return (record, event) -> write(record, path, event.get(name));
    }

    static Step value(String path, String value) {
        return (record, event) -> write(record, path, NODES.stringNode(value));
    }

    static Step cleared(String... paths) {
        return (record, event) -> {
            for (String path : paths) {
                write(record, path, null);
            }
        };
    }

    /** Empty objects: collections keyed by id, or groups of fields. */
    static Step objects(String... names) {
        return (record, event) -> {
            for (String name : names) {
                record.putObject(name);
            }
        };
    }

    /** Empty lists, for what an event always replaces as a whole. */
    static Step lists(String... names) {
        return (record, event) -> {
            for (String name : names) {
                record.putArray(name);
            }
        };
    }

    /** Adds the entry the event's {@code key} names, or changes the given fields of it. */
    static Step entry(String collection, String key, String... fields) {
        return (record, event) -> {
            ObjectNode entry = entryOf(record, collection, event.get(key));
            for (String field : fields) {
                write(entry, field, event.get(field));
            }
        };
    }

    /** A member of a set, such as a tag: present or not. */
    static Step flagged(String collection, String key) {
        return (record, event) -> collection(record, collection).set(event.get(key).asString(),
                NODES.booleanNode(true));
    }

    static Step removed(String collection, String key) {
        return (record, event) -> collection(record, collection).remove(event.get(key).asString());
    }

    /** Clears a field in every entry of a collection. */
    static Step clearedIn(String collection, String field) {
        return (record, event) -> collection(record, collection).forEach(entry -> {
            if (entry.isObject()) {
                ((ObjectNode) entry).putNull(field);
            }
        });
    }

    /**
     * A consent decision, per channel or marketing preference: the most recently expressed one wins, as in the
     * aggregate, so that a paper form recorded late does not override a newer decision.
     */
    static Step latestDecision(String collection) {
        return (record, event) -> {
            JsonNode channel = event.get("channel");
            String topic = channel != null && !channel.isNull() ? "channel:" + channel.asString()
                    : "preference:" + event.get("preferenceId").asString();
            JsonNode current = collection(record, collection).get(topic);
            if (current != null && isBefore(event.get("decidedAt"), current.get("decidedAt"))) {
                return;
            }
            ObjectNode decision = collection(record, collection).putObject(topic);
            for (String field : new String[]{"granted", "source", "decidedAt"}) {
                write(decision, field, event.get(field));
            }
        };
    }

    private static boolean isBefore(JsonNode decided, JsonNode current) {
        return decided != null && decided.isString() && current != null && current.isString()
                && Instant.parse(decided.asString()).isBefore(Instant.parse(current.asString()));
    }

    private static ObjectNode entryOf(ObjectNode record, String collection, JsonNode key) {
        ObjectNode entries = collection(record, collection);
        JsonNode entry = entries.get(key.asString());
        return entry != null && entry.isObject() ? (ObjectNode) entry : entries.putObject(key.asString());
    }

    private static ObjectNode collection(ObjectNode record, String name) {
        JsonNode collection = record.get(name);
        return collection != null && collection.isObject() ? (ObjectNode) collection : record.putObject(name);
    }

    private static void write(ObjectNode record, String path, JsonNode value) {
        ObjectNode parent = record;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            parent = collection(parent, names[i]);
        }
        parent.set(names[names.length - 1], value == null ? NODES.nullNode() : value.deepCopy());
    }
}
