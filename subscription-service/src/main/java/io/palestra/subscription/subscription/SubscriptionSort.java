package io.palestra.subscription.subscription;

import io.palestra.platform.errors.InvalidInputException;

import java.util.Arrays;

/**
 * The orders of the subscription list, each on one indexed value then the id, either way ({@code -created} is
 * newest first). Dates that may be missing sort as if far in the future.
 */
public enum SubscriptionSort {
    CREATED("created", "created_at", false), STARTS("starts", "starts_on", false),
    ENDS("ends", "coalesce(last_day, DATE '9999-12-31')", false),
    NEXT_BILLING("next-billing", "coalesce(next_due_on, DATE '9999-12-31')", false),
    CREATED_DESC("-created", "created_at", true), STARTS_DESC("-starts", "starts_on", true),
    ENDS_DESC("-ends", "coalesce(last_day, DATE '9999-12-31')", true),
    NEXT_BILLING_DESC("-next-billing", "coalesce(next_due_on, DATE '9999-12-31')", true);

    private final String value;
    private final String column;
    private final boolean descending;

    SubscriptionSort(String value, String column, boolean descending) {
        this.value = value;
        this.column = column;
        this.descending = descending;
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

    boolean byInstant() {
        return column.equals("created_at");
    }

    static SubscriptionSort of(String value) {
        return Arrays.stream(values()).filter(sort -> sort.value.equals(value)).findFirst().orElseThrow(() ->
                InvalidInputException.of("sort", "must be created, starts, ends or next-billing, with a leading - "
                        + "for the other way"));
    }
}
