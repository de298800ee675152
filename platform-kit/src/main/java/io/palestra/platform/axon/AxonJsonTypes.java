package io.palestra.platform.axon;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Lets Axon's Jackson 3 serializer read back its own polymorphic fields. Jackson 3 refuses by default any
 * {@code @JsonTypeInfo} property declared as {@code Object}, and Axon's {@code ReplayToken} has one: without this, a
 * processor that was reset for a replay can never load its token again. Only Axon's own types are allowed, so no
 * class named in stored JSON can be instantiated beyond those.
 */
class AxonJsonTypes implements Jackson3SerializerCustomizer {

    @Override
    public void accept(JsonMapper.Builder builder) {
        builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }
}
