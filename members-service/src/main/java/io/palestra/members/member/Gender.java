package io.palestra.members.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** How a member describes their gender; {@code undisclosed} when they prefer not to say. */
public enum Gender {
    FEMALE, MALE, OTHER, UNDISCLOSED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Gender of(String value) {
        return Arrays.stream(values())
                .filter(gender -> gender.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of female, male, other, undisclosed"));
    }
}
