package io.palestra.gateway.personal;

import io.palestra.gateway.correlation.CorrelationId;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Asks every service, all at once, for its part of a member's data ({@code GET /api/v1/personal-data/members/{id}}),
 * as the caller: with its bearer token, which each service checks, and the request's correlation id. Never fails:
 * a service that does not answer in time, or at all, is an answer too.
 */
@Component
class ExportParts {

    private static final String PART_PATH = "/api/v1/personal-data/members/{memberId}";

    private final ExportSettings settings;
    private final WebClient client;
    private final JsonMapper json;

    ExportParts(ExportSettings settings, HttpClient gatewayHttpClient, ObjectProvider<ObservationRegistry> observations,
                JsonMapper json) {
        this.settings = settings;
        this.json = json;
        // The routes' HTTP client (connect timeout, pool), and traced like the routed calls.
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(gatewayHttpClient))
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) settings.maxExportSize().toBytes()))
                .build();
    }

    Mono<List<ServiceAnswer>> gather(UUID memberId, String authorization, String correlationId) {
        return Flux.fromIterable(settings.services().entrySet())
                .flatMapSequential(service -> ask(service, memberId, authorization, correlationId))
                .collectList();
    }

    private Mono<ServiceAnswer> ask(Map.Entry<String, String> service, UUID memberId, String authorization,
                                    String correlationId) {
        String name = service.getKey();
        return client.get().uri(service.getValue().replaceAll("/+$", "") + PART_PATH, memberId)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    headers.set(CorrelationId.HEADER, correlationId);
                })
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .map(this::read)
                        .defaultIfEmpty(MissingNode.getInstance())
                        .map(body -> ServiceAnswer.answered(name, response.statusCode().value(), body)))
                .timeout(settings.responseTimeout())
                .onErrorResume(failure -> Mono.just(ServiceAnswer.unanswered(name, describe(failure))));
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + settings.responseTimeout().toMillis() + " ms";
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
