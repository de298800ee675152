package io.palestra.members.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.List;

/**
 * An event's payload as a JSON tree, whatever it is: a known record; or a type this build cannot load, read from
 * its stored JSON, where a sealed personal field reads as null like any unreadable one (the ciphertext is never shown).
 * Shared by the history and the GDPR export.
 */
public final class EventPayloads {

    /** Plain Jackson 3: the payload is already unsealed, java.time is written as ISO text. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEALED = "$sealed";

    private EventPayloads() {
    }

    public static ObjectNode tree(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        JsonNode tree = payload instanceof UnknownSerializedType
                ? JSON.readTree(((UnknownSerializedType) payload).readData(byte[].class))
                : JSON.valueToTree(payload);
        if (tree.isObject()) {
            return (ObjectNode) withoutSealed(tree);
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.set("value", tree);
        return wrapped;
    }

    /** The event's type as a kebab-case name: {@code MembersMerged} reads {@code members-merged}. */
    static String kebabName(DomainEventMessage<?> event) {
        return simpleName(event).replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    /** The event's type without its package: {@code MembersMerged}. */
    public static String simpleName(DomainEventMessage<?> event) {
        String type;
        try {
            Object payload = event.getPayload();
            type = payload instanceof UnknownSerializedType
                    ? ((UnknownSerializedType) payload).serializedType().getName()
                    : event.getPayloadType().getName();
        } catch (RuntimeException unreadable) {
            type = event.getPayloadType().getName();
        }
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private static JsonNode withoutSealed(JsonNode node) {
        if (node.isObject() && node.has(SEALED)) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : List.copyOf(object.propertyNames())) {
                object.set(name, withoutSealed(object.get(name)));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutSealed(array.get(i)));
            }
        }
        return node;
    }
}
