package io.palestra.members.history;

import io.palestra.members.history.MemberHistoryQueries.FieldChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fields that differ between two states of the record, old and new. Objects are compared field by field (so a
 * change inside a note reads {@code notes.<id>.text}); lists and values as a whole. Null, absent, empty and an object
 * of nothing but those are the same: nothing.
 */
final class FieldChanges {

    private FieldChanges() {
    }

    static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        collect("", before, after, changes);
        return changes;
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        if (isNothing(before) && isNothing(after)) {
            return;
        }
        if (before != null && before.isObject() && after != null && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                collect(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
            }
        } else if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(path, orNull(before), orNull(after)));
        }
    }

    /** Null, absent, empty, or an object of nothing but those. */
    private static boolean isNothing(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return true;
        }
        if (node.isObject()) {
            for (JsonNode value : node) {
                if (!isNothing(value)) {
                    return false;
                }
            }
            return true;
        }
        return node.isArray() && node.isEmpty();
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
    }
}
