package io.palestra.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published contract proves itself: every record has a committed JSON Schema it is still compatible with, and a
 * golden JSON that today's classes read back without loss. A change that breaks a committed schema fails the build.
 */
class PublishedContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final SchemaGenerator GENERATOR = new SchemaGenerator(schemaConfig());
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Path GENERATED = Path.of("target", "generated-schemas");

    static Stream<String> typeIds() {
        return EventTypes.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("typeIds")
    void committedSchemaStillDescribesTheRecord(String typeId) throws IOException {
        ObjectNode current = GENERATOR.generateSchema(EventTypes.classOf(typeId).orElseThrow());
        current.put("$id", "https://palestra.io/schemas/" + typeId + ".json");
        current.put("title", typeId);
        Files.createDirectories(GENERATED);
        Files.writeString(GENERATED.resolve(typeId + ".json"), JSON.writeValueAsString(current) + "\n");

        JsonNode committed = read("/io/palestra/events/schemas/" + typeId + ".json");
        if (committed == null) {
            fail("No committed schema for " + typeId + ": review " + GENERATED.resolve(typeId + ".json")
                    + " and commit it under src/main/resources/io/palestra/events/schemas/");
        }
        assertThat(SchemaCompatibility.breakingChanges(committed, current))
                .as("breaking changes to the committed schema of %s: publish a new type version instead", typeId)
                .isEmpty();
        assertThat(current)
                .as("the committed schema of %s is behind the record (an additive change): commit %s", typeId,
                        GENERATED.resolve(typeId + ".json"))
                .isEqualTo(committed);
    }

    @ParameterizedTest
    @MethodSource("typeIds")
    void goldenJsonMatchesTheSchemaAndReadsBackWithoutLoss(String typeId) {
        JsonNode golden = read("/golden/" + typeId + ".json");
        assertThat(golden).as("a golden JSON for %s under src/test/resources/golden", typeId).isNotNull();

        Schema schema = SCHEMAS.getSchema(stream("/io/palestra/events/schemas/" + typeId + ".json"));
        assertThat(schema.validate(golden)).as("golden %s against its schema", typeId).isEmpty();

        Object record = JSON.treeToValue(golden, EventTypes.classOf(typeId).orElseThrow());
        JsonNode writtenBack = JSON.valueToTree(record);
        // Every field of the golden survives; fields added since (optional by the rules) may come back as null.
        golden.propertyNames().forEach(name -> assertThat(writtenBack.get(name))
                .as("%s.%s written back", typeId, name).isEqualTo(golden.get(name)));
        writtenBack.propertyNames().stream().filter(name -> !golden.has(name)).forEach(name ->
                assertThat(writtenBack.get(name).isNull()).as("%s.%s, added since the golden", typeId, name).isTrue());
    }

    private static SchemaGeneratorConfig schemaConfig() {
        SchemaGeneratorConfigBuilder config =
                new SchemaGeneratorConfigBuilder(JSON, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                        .with(new JacksonModule())
                        .with(Option.EXTRA_OPEN_API_FORMAT_VALUES);
        config.forFields()
                .withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null)
                .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) == null)
                // amounts written as JSON strings (@JsonFormat(shape = STRING)) are strings in the schema too
                .withTargetTypeOverridesResolver(field -> {
                    JsonFormat format = field.getAnnotationConsideringFieldAndGetter(JsonFormat.class);
                    return format != null && format.shape() == JsonFormat.Shape.STRING
                            ? List.of(field.getContext().resolve(String.class)) : null;
                });
        return config.build();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = PublishedContractTest.class.getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        return PublishedContractTest.class.getResourceAsStream(resource);
    }
}
