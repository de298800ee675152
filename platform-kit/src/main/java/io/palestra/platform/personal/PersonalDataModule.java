package io.palestra.platform.personal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Jackson support for {@link PersonalData}: such a field is written as {@code {"$subject": <id>, "$sealed": <base64>}},
 * its JSON encrypted with the key of the record's {@link DataSubject}, and read back decrypted, or as {@code null}
 * once that key is destroyed. A field stored before it was marked personal still reads as it was written.
 */
public final class PersonalDataModule extends JacksonModule {

    static final String SUBJECT = "$subject";
    static final String SEALED = "$sealed";

    /** Writes and reads the plain values inside the envelope: default Jackson 3, java.time as ISO text. */
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private final SubjectKeys keys;

    public PersonalDataModule(SubjectKeys keys) {
        this.keys = keys;
    }

    @Override
    public String getModuleName() {
        return "palestra-personal-data";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
            @Override
            public Version version() {
                return Version.unknownVersion();
            }

            @Override
            public Object findSerializer(MapperConfig<?> config, Annotated annotated) {
                return annotated.hasAnnotation(PersonalData.class) ? new Sealing(keys) : null;
            }

            @Override
            public Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
                return annotated.hasAnnotation(PersonalData.class) ? new Unsealing(keys, null) : null;
            }
        });
    }

    private static final class Sealing extends ValueSerializer<Object> {

        private final SubjectKeys keys;

        private Sealing(SubjectKeys keys) {
            this.keys = keys;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
            UUID subject = DataSubjects.of(generator.currentValue());
            byte[] sealed = PersonalDataCipher.encrypt(keys.keyOf(subject), PLAIN.writeValueAsBytes(value));
            generator.writeStartObject();
            generator.writeStringProperty(SUBJECT, subject.toString());
            generator.writeStringProperty(SEALED, Base64.getEncoder().encodeToString(sealed));
            generator.writeEndObject();
        }
    }

    private static final class Unsealing extends ValueDeserializer<Object> {

        private final SubjectKeys keys;
        private final JavaType type;

        private Unsealing(SubjectKeys keys, JavaType type) {
            this.keys = keys;
            this.type = type;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return new Unsealing(keys, property != null ? property.getType() : context.getContextualType());
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            if (node.isObject() && node.has(SEALED) && node.has(SUBJECT)) {
                Optional<SecretKey> key = keys.existingKeyOf(UUID.fromString(node.get(SUBJECT).asString()));
                if (key.isEmpty()) {
                    return null;
                }
                byte[] plain = PersonalDataCipher.decrypt(key.get(),
                        Base64.getDecoder().decode(node.get(SEALED).asString()));
                return PLAIN.readValue(plain, type);
            }
            return PLAIN.readerFor(type).readValue(node);
        }
    }
}
