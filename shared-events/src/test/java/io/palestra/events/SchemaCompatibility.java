package io.palestra.events;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says whether records written under a new schema can still be read by a consumer built against the committed one:
 * no property removed, none retyped, none newly required. Adding optional properties is the allowed evolution.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    static List<String> breakingChanges(JsonNode committed, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("$", committed, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode committed, JsonNode current, List<String> problems) {
        if (!types(committed).equals(types(current))) {
            problems.add(path + " changed type from " + types(committed) + " to " + types(current));
        }
        String format = committed.path("format").asString("none");
        if (!format.equals(current.path("format").asString("none"))) {
            problems.add(path + " changed format from " + format + " to " + current.path("format").asString("none"));
        }
        for (String name : committed.path("properties").propertyNames()) {
            JsonNode now = current.path("properties").get(name);
            if (now == null) {
                problems.add(path + "." + name + " was removed");
            } else {
                compare(path + "." + name, committed.path("properties").get(name), now, problems);
            }
        }
        Set<String> newlyRequired = strings(current.path("required"));
        newlyRequired.removeAll(strings(committed.path("required")));
        newlyRequired.forEach(name -> problems.add(path + "." + name + " became required"));
        if (committed.has("items")) {
            compare(path + "[]", committed.get("items"), current.path("items"), problems);
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? strings(type) : new TreeSet<>(type.isMissingNode() ? Set.of() : Set.of(type.asString()));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
