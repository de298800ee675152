package io.palestra.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMMITTED = """
            {"type":"object","required":["id"],"properties":{
              "id":{"type":"string","format":"uuid"},
              "name":{"type":["string","null"]},
              "address":{"type":"object","properties":{"city":{"type":"string"}}}}}""";

    @Test
    void acceptsANewOptionalProperty() {
        assertThat(changes("""
                {"type":"object","required":["id"],"properties":{
                  "id":{"type":"string","format":"uuid"},
                  "name":{"type":["string","null"]},
                  "address":{"type":"object","properties":{"city":{"type":"string"}}},
                  "nickname":{"type":["string","null"]}}}""")).isEmpty();
    }

    @Test
    void refusesARemovedProperty() {
        assertThat(changes("""
                {"type":"object","required":["id"],"properties":{
                  "id":{"type":"string","format":"uuid"},
                  "address":{"type":"object","properties":{"city":{"type":"string"}}}}}"""))
                .containsExactly("$.name was removed");
    }

    @Test
    void refusesARetypedNestedProperty() {
        assertThat(changes("""
                {"type":"object","required":["id"],"properties":{
                  "id":{"type":"string","format":"uuid"},
                  "name":{"type":["string","null"]},
                  "address":{"type":"object","properties":{"city":{"type":"integer"}}}}}"""))
                .containsExactly("$.address.city changed type from [string] to [integer]");
    }

    @Test
    void refusesANewlyRequiredPropertyAndAChangedFormat() {
        assertThat(changes("""
                {"type":"object","required":["id","name"],"properties":{
                  "id":{"type":"string"},
                  "name":{"type":["string","null"]},
                  "address":{"type":"object","properties":{"city":{"type":"string"}}}}}"""))
                .containsExactlyInAnyOrder("$.id changed format from uuid to none", "$.name became required");
    }

    private static java.util.List<String> changes(String current) {
        JsonNode committed = JSON.readTree(COMMITTED);
        return SchemaCompatibility.breakingChanges(committed, JSON.readTree(current));
    }
}
