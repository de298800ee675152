package io.palestra.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.Map;

/**
 * Gives every exchange a correlation id, first of all filters, so that even the gateway's own answers (401, 404,
 * 413) carry it: sent downstream, echoed in the response, and in the logging context of every gateway log line.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    CorrelationIdFilter() {
        // Lets Reactor restore the MDC from the subscriber context on whatever thread runs the next operator
        // (spring.reactor.context-propagation=auto).
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(CorrelationId.MDC_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String correlationId = CorrelationId.choose(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        exchange.getAttributes().put(CorrelationId.ATTRIBUTE, correlationId);
        // Set at commit time: the routed service's response headers are added to ours, and each service echoes the id.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(CorrelationId.HEADER, correlationId);
            return Mono.empty();
        });
        ServerWebExchange forwarded = exchange.mutate()
                .request(request -> request.header(CorrelationId.HEADER, correlationId))
                .build();
        return chain.filter(forwarded)
                .contextWrite(Context.of(Slf4jThreadLocalAccessor.KEY, Map.of(CorrelationId.MDC_KEY, correlationId)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
