package io.palestra.subscription.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What an offer sells: a recurring membership, or a pack of class or appointment credits (a card). */
public enum PlanKind {
    MEMBERSHIP, CLASS_PACK, APPOINTMENT_PACK;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static PlanKind of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be membership, class-pack or appointment-pack"));
    }

    /** Whether it sells credits (a pass) rather than a recurring membership. */
    public boolean pack() {
        return this != MEMBERSHIP;
    }
}
