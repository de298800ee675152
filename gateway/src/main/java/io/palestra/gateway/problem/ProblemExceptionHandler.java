package io.palestra.gateway.problem;

import io.palestra.gateway.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;

/**
 * Answers every failure of the gateway itself as a problem: no route, body too large, the owning service down or
 * too slow, and anything unexpected (without a stack trace). Answers of the services never come through here: their
 * problems reach the caller untouched. Runs before Spring Boot's default handler (order -1).
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses problems;

    ProblemExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        // This runs outside the filter chain's Reactor context, so the correlation id is put in the MDC by hand.
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, CorrelationId.of(exchange))) {
            Problem problem = problemFor(exchange, failure);
            // Headers a routed service may already have set belong to an answer that will never be sent.
            exchange.getResponse().getHeaders().clear();
            return problems.write(exchange, problem);
        }
    }

    private static Problem problemFor(ServerWebExchange exchange, Throwable failure) {
        String service = routedService(exchange);
        ResponseStatusException statusException = find(failure, ResponseStatusException.class);
        int status = statusException != null ? statusException.getStatusCode().value() : 0;
        // Refused, reset or closed before answering: on the way to a service, these all surface as IOExceptions.
        boolean unreachable = statusException == null && find(failure, IOException.class) != null;
        if (service != null && (status == 503 || unreachable)) {
            log.warn("{} is not answering {}: {}", service, exchange.getRequest().getPath(), failure.toString());
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                    service + " is not answering; retry shortly").withProperty("service", service);
        }
        if (service != null && status == 504) {
            log.warn("{} did not answer {} in time: {}", service, exchange.getRequest().getPath(), failure.toString());
            return Problem.of(HttpStatus.GATEWAY_TIMEOUT, ProblemCodes.GATEWAY_TIMEOUT,
                    service + " did not answer in time; retry shortly").withProperty("service", service);
        }
        if (status == 404) {
            return Problem.of(HttpStatus.NOT_FOUND, ProblemCodes.UNKNOWN_PATH, "No Palestra API answers at "
                    + exchange.getRequest().getPath() + "; resources live under /api/v1/<resource>, "
                    + "e.g. /api/v1/members");
        }
        if (status >= 400 && status < 500) {
            HttpStatus known = HttpStatus.resolve(status);
            HttpStatus answered = known != null ? known : HttpStatus.BAD_REQUEST;
            String reason = statusException.getReason();
            return Problem.of(answered, ProblemCodes.forStatus(answered.value()),
                    reason != null ? reason : answered.getReasonPhrase());
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                "The gateway failed unexpectedly; quote the correlationId to support");
    }

    /** The id of the route that took the request: the service's name, e.g. {@code members-service}. */
    private static String routedService(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
