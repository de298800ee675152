package io.palestra.platform.axon;

/** Keys of the metadata every Palestra command and event carries. */
public final class Metadata {

    /** The subject of the token that caused the message, or {@code system:<component>} for background work. */
    public static final String ACTING_USER = "actingUser";
    /** The organisation of the caller, when it has one. */
    public static final String ORGANIZATION_ID = "organizationId";
    /** Shared by every message one request or one inbound event caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** W3C trace context of the request that caused the message. */
    public static final String TRACEPARENT = "traceparent";
    /** Key of the correlation id in the logging MDC (and so in every structured log line). */
    public static final String MDC_CORRELATION_ID = "correlationId";

    private Metadata() {
    }
}
