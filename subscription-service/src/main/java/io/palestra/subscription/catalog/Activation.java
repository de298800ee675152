package io.palestra.subscription.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** When a pack's validity starts: on the sale, on a date chosen at the sale, or at its first use. */
public enum Activation {
    SALE, CHOSEN_DATE, FIRST_USE;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Activation of(String value) {
        return Arrays.stream(values()).filter(activation -> activation.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be sale, chosen-date or first-use"));
    }
}
