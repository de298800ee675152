package io.palestra.platform.web;

/**
 * The stable {@code code} of every problem answer that is not a business refusal. Business refusals carry the code
 * of their {@link io.palestra.platform.errors.DomainException}. Clients switch on codes, never on titles or details.
 */
public final class ProblemCodes {

    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String MALFORMED_BODY = "malformed-body";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String UNKNOWN_PATH = "unknown-path";
    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String PRECONDITION_FAILED = "precondition-failed";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String IDEMPOTENCY_REQUEST_IN_FLIGHT = "idempotency-request-in-flight";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String INTERNAL_ERROR = "internal-error";

    private ProblemCodes() {
    }

    /** The code of an answer known only by its status, e.g. from the servlet container's error page. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> UNKNOWN_PATH;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : "http-" + status;
        };
    }
}
