package io.palestra.platform.axon;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.palestra.platform.security.Caller;
import io.palestra.platform.security.Callers;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Stamps every command and query sent from a request or an inbound event with the acting user, the organisation,
 * the correlation id of the logging context and the current trace, unless the message already carries them.
 */
class CallerMetadata<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    private final ObjectProvider<Tracer> tracer;

    CallerMetadata(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> (M) message.andMetaData(missingFrom(message));
    }

    private Map<String, Object> missingFrom(M message) {
        Map<String, Object> stamp = new HashMap<>();
        Optional<Caller> caller = Callers.current();
        stamp.put(Metadata.ACTING_USER, caller.map(Caller::subject).orElse("system"));
        caller.flatMap(Caller::organizationId).ifPresent(org -> stamp.put(Metadata.ORGANIZATION_ID, org.toString()));
        String correlationId = MDC.get(Metadata.MDC_CORRELATION_ID);
        if (correlationId != null) {
            stamp.put(Metadata.CORRELATION_ID, correlationId);
        }
        traceparent().ifPresent(value -> stamp.put(Metadata.TRACEPARENT, value));
        stamp.keySet().removeAll(message.getMetaData().keySet());
        return stamp;
    }

    private Optional<String> traceparent() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        TraceContext context = span.context();
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        String traceId = "0".repeat(Math.max(0, 32 - context.traceId().length())) + context.traceId();
        return Optional.of("00-" + traceId + "-" + context.spanId() + (sampled ? "-01" : "-00"));
    }
}
