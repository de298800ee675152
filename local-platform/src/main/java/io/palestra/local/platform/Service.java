package io.palestra.local.platform;

import java.util.Locale;

/** The four business services as the launcher knows them: their module, port, database and gateway route. */
public enum Service {

    MEMBERS("members-service", "members", 8081, "members", "PALESTRA_MEMBERS_URL"),
    SUBSCRIPTIONS("subscription-service", "subscriptions", 8082, "subscriptions", "PALESTRA_SUBSCRIPTIONS_URL"),
    BOOKINGS("booking-service", "bookings", 8083, "bookings", "PALESTRA_BOOKINGS_URL"),
    BILLING("billing-service", "billing", 8084, "billing", "PALESTRA_BILLING_URL");

    private final String module;
    private final String label;
    private final int defaultPort;
    private final String database;
    private final String gatewayVariable;

    Service(String module, String label, int defaultPort, String database, String gatewayVariable) {
        this.module = module;
        this.label = label;
        this.defaultPort = defaultPort;
        this.database = database;
        this.gatewayVariable = gatewayVariable;
    }

    /** The Maven module, also the name of its jar: {@code <module>/target/<module>.jar}. */
    public String module() {
        return module;
    }

    /** The short name used in output prefixes and log file names. */
    public String label() {
        return label;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    /** The variable that tells the gateway where this service answers. */
    String gatewayVariable() {
        return gatewayVariable;
    }

    /** The variable that moves this service to another port, e.g. {@code PALESTRA_MEMBERS_PORT}. */
    String portVariable() {
        return "PALESTRA_" + label.toUpperCase(Locale.ROOT) + "_PORT";
    }
}
