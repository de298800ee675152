package io.palestra.local.platform;

/** What the launcher knows of the gateway; it runs like a service, in front of the four. */
final class Gateway {

    static final String MODULE = "gateway";
    static final String LABEL = "gateway";
    static final int DEFAULT_PORT = 8080;

    private Gateway() {
    }
}
