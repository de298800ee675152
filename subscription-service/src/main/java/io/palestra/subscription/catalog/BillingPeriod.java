package io.palestra.subscription.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** How often a membership's price falls due. */
public enum BillingPeriod {
    WEEKLY, MONTHLY, QUARTERLY, YEARLY;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BillingPeriod of(String value) {
        return Arrays.stream(values()).filter(period -> period.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be weekly, monthly, quarterly or yearly"));
    }
}
