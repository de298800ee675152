package io.palestra.members.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one member is to another. Each kind has its counterpart, which is what the other side sees: a sponsor's
 * referee, a parent's child; family and partner read the same both ways.
 */
public enum RelationKind {
    SPONSOR, REFEREE, PARENT, CHILD, FAMILY, PARTNER;

    public RelationKind counterpart() {
        switch (this) {
            case SPONSOR:
                return REFEREE;
            case REFEREE:
                return SPONSOR;
            case PARENT:
                return CHILD;
            case CHILD:
                return PARENT;
            default:
                return this;
        }
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RelationKind of(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be one of sponsor, referee, parent, child, family, partner"));
    }
}
