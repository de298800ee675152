package io.palestra.platform;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ObservabilityIT extends KitIntegrationTest {

    @Test
    void probesAnswerWithoutAToken() {
        Http.Response liveness = http().get("/actuator/health/liveness").send();
        Http.Response readiness = http().get("/actuator/health/readiness").send();

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesHttpJvmKafkaAxonAndRelayMetrics() {
        openClub("Measured");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
                .contains("http_server_requests_seconds_count")
                .contains("jvm_memory_used_bytes")
                .contains("kafka_producer_")
                .contains("palestra_axon_processor_lag{")
                .contains("processor=\"club-directory\"")
                .contains("processor=\"palestra-kafka-relay\"")
                .contains("palestra_relay_published_total{")
                .contains("commandBus_successCounter_total{")
                .contains("eventProcessor_latency{")
                .contains("application=\"platform-kit-test\""));
    }

    private String prometheus() {
        Http.Response answer = http().get("/actuator/prometheus").send();
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }
}
