package io.palestra.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Type ids of the published records, in both directions. A consumer reads {@code ce_type}, asks
 * {@link #classOf(String)} for the record to read the value into, and skips types it does not know.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends PublishedEvent>> BY_TYPE = index();

    private EventTypes() {
    }

    /** The type id of a published record, e.g. {@code palestra.members.MemberRegistered.v1}. */
    public static String typeOf(Class<? extends PublishedEvent> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        if (name == null || name.value().isBlank()) {
            throw new IllegalArgumentException(type.getName() + " is not a published record: it has no @JsonTypeName");
        }
        return name.value();
    }

    public static Optional<Class<? extends PublishedEvent>> classOf(String typeId) {
        return Optional.ofNullable(BY_TYPE.get(typeId));
    }

    /** The stream a record is published on. */
    public static EventStream streamOf(Class<? extends PublishedEvent> type) {
        return Arrays.stream(EventStream.values())
                .filter(stream -> stream.contract().isAssignableFrom(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " belongs to no event stream"));
    }

    /** Every published type id with its record, in declaration order. */
    public static Map<String, Class<? extends PublishedEvent>> all() {
        return BY_TYPE;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends PublishedEvent>> index() {
        Map<String, Class<? extends PublishedEvent>> byType = new LinkedHashMap<>();
        for (EventStream stream : EventStream.values()) {
            for (Class<?> record : stream.contract().getPermittedSubclasses()) {
                Class<? extends PublishedEvent> type = (Class<? extends PublishedEvent>) record;
                Class<?> previous = byType.put(typeOf(type), type);
                if (previous != null) {
                    throw new IllegalStateException("Type id " + typeOf(type) + " is used twice");
                }
            }
        }
        return Collections.unmodifiableMap(byType);
    }
}
