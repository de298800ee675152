package io.palestra.booking.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What happens when a class is full (seed 004): no waitlist; an ordered list whose first person takes a freed seat
 * automatically; or first come, first served ("waiting"): a freed seat is offered to everyone waiting, and the first
 * to book it has it.
 */
public enum WaitlistMode {
    OFF, ORDERED, WAITING;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static WaitlistMode of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be off, ordered or waiting"));
    }
}
