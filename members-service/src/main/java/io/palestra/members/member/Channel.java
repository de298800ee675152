package io.palestra.members.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** A way of reaching a member that they may accept or refuse. */
public enum Channel {
    EMAIL, SMS, PUSH, POST;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel of(String value) {
        return Arrays.stream(values())
                .filter(channel -> channel.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of email, sms, push, post"));
    }
}
