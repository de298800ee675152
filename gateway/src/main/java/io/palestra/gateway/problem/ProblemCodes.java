package io.palestra.gateway.problem;

/** The stable {@code code}s of the gateway's own answers. Clients switch on codes, never on titles or details. */
public final class ProblemCodes {

    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String UNKNOWN_PATH = "unknown-path";
    /** A path the gateway answers itself names nothing, e.g. an id that is no UUID; as the services say it. */
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String GATEWAY_TIMEOUT = "gateway-timeout";
    public static final String INTERNAL_ERROR = "internal-error";

    private ProblemCodes() {
    }

    /** The code of an answer known only by its status, as the services name them. */
    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "validation-failed";
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> UNKNOWN_PATH;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> "not-acceptable";
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> "unsupported-media-type";
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 500 ? INTERNAL_ERROR : "http-" + status;
        };
    }
}
