package io.palestra.members.member;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders of the member list: by name (A to Z), by registration, or by last administrative change (003's order);
 * a leading {@code -} reverses. Each ends with the member id so that keyset pagination is total.
 */
public enum MemberSort {
    NAME("name", "m.sort_key", false, false),
    NAME_DESC("-name", "m.sort_key", true, false),
    CREATED("created", "m.registered_at", false, true),
    CREATED_DESC("-created", "m.registered_at", true, true),
    LAST_CHANGE("lastChange", "m.last_admin_change_at", false, true),
    LAST_CHANGE_DESC("-lastChange", "m.last_admin_change_at", true, true);

    static final String VALUES = Arrays.stream(values()).map(MemberSort::value).collect(Collectors.joining(", "));

    private final String value;
    private final String column;
    private final boolean descending;
    private final boolean instant;

    MemberSort(String value, String column, boolean descending, boolean instant) {
        this.value = value;
        this.column = column;
        this.descending = descending;
        this.instant = instant;
    }

    public String value() {
        return value;
    }

    String column() {
        return column;
    }

    boolean descending() {
        return descending;
    }

    /** Whether the sort value is a timestamp (compared as one), not text. */
    boolean instant() {
        return instant;
    }

    public static MemberSort of(String value) {
        for (MemberSort sort : values()) {
            if (sort.value.equals(value)) {
                return sort;
            }
        }
        throw new IllegalArgumentException("must be one of " + VALUES);
    }
}
