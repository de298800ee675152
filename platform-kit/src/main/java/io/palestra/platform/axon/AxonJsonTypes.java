package io.palestra.platform.axon;

import io.palestra.platform.personal.PersonalDataModule;
import io.palestra.platform.personal.SubjectKeys;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * How Axon's Jackson 3 serializer writes and reads events, tokens and sagas:
 * <ul>
 *   <li>it may read back Axon's own polymorphic fields. Jackson 3 refuses by default any {@code @JsonTypeInfo}
 *   property declared as {@code Object}, and Axon's {@code ReplayToken} has one: without this, a processor that was
 *   reset for a replay could never load its token again. Only Axon's own types are allowed, so no class named in
 *   stored JSON can be instantiated beyond those;</li>
 *   <li>{@code @PersonalData} fields are sealed with their subject's key (see {@link PersonalDataModule}).</li>
 * </ul>
 */
class AxonJsonTypes implements Jackson3SerializerCustomizer {

    private final SubjectKeys keys;

    AxonJsonTypes(SubjectKeys keys) {
        this.keys = keys;
    }

    @Override
    public void accept(JsonMapper.Builder builder) {
        builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
        builder.addModule(new PersonalDataModule(keys));
    }
}
