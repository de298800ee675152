package io.palestra.events;

/**
 * The Kafka headers of a Palestra record: CloudEvents 1.0, Kafka protocol binding, binary mode. The record key is the
 * aggregate id (also in {@code ce_subject}); the value is the event as JSON ({@code content-type: application/json}).
 */
public final class CloudEventHeaders {

    /** Unique id of the event; the same id is sent again when a record is redelivered, so consumers dedupe on it. */
    public static final String ID = "ce_id";
    /** Type id, e.g. {@code palestra.members.MemberRegistered.v1}. */
    public static final String TYPE = "ce_type";
    /** The producing context, e.g. {@code /palestra/members}. */
    public static final String SOURCE = "ce_source";
    /** The aggregate the event is about (also the record key). */
    public static final String SUBJECT = "ce_subject";
    /** When the fact happened, RFC 3339. */
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    /** The organisation the event belongs to. */
    public static final String ORGANIZATION_ID = "ce_organizationid";
    /** Position of the event within its aggregate (0, 1, 2...), as a decimal string. */
    public static final String SEQUENCE = "ce_sequence";
    /** The id shared by every message that one request or one upstream event caused. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** W3C trace context of the request that caused the event, when there was one. */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";

    /** CloudEvents extension attribute names (without the {@code ce_} prefix). */
    public static final String EXT_ORGANIZATION_ID = "organizationid";
    public static final String EXT_SEQUENCE = "sequence";
    public static final String EXT_CORRELATION_ID = "correlationid";
    public static final String EXT_TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }
}
