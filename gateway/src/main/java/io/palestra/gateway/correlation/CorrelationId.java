package io.palestra.gateway.correlation;

import org.springframework.web.server.ServerWebExchange;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties together every log line, span and service call caused by one request. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** Same key as the services' logs, so one search finds the whole story. */
    public static final String MDC_KEY = "correlationId";

    static final String ATTRIBUTE = CorrelationId.class.getName();
    // Caller-chosen ids end up in logs and headers: keep them short and free of anything a log or header could
    // misread.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    /** The caller's id when it is acceptable, a new one otherwise. */
    static String choose(String given) {
        return given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** The id of this exchange, or null before {@link CorrelationIdFilter} ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
