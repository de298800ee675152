package io.palestra.gateway.health;

import io.netty.channel.ChannelOption;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Whether one service behind the gateway is ready, as that service's own readiness probe says. Shown on the
 * gateway's health page and in its {@code services} group, never in its own readiness: a service being down must
 * not take the gateway out of its load balancer.
 */
class ServiceHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String readiness;
    private final WebClient client;

    ServiceHealthIndicator(String baseUrl) {
        this.readiness = baseUrl.replaceAll("/+$", "") + "/actuator/health/readiness";
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())))
                .build();
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(readiness).retrieve().toBodilessEntity()
                .timeout(TIMEOUT)
                .map(answer -> Health.up().withDetail("url", readiness).build())
                .onErrorResume(failure -> Mono.just(Health.down()
                        .withDetail("url", readiness)
                        .withDetail("error", describe(failure))
                        .build()));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (failure instanceof WebClientResponseException answer) {
            return "answered " + answer.getStatusCode().value() + " " + answer.getStatusText();
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
