package io.palestra.gateway;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static io.palestra.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** billing-service is down (nothing listens on its port); the three others answer. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceOutageIT extends GatewayTest {

    private static final String BILLING_DOWN = Services.closedPort();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Services.allUp(registry);
        registry.add("palestra.gateway.services.billing-service", () -> BILLING_DOWN);
    }

    @Test
    void answersServiceUnavailableNamingTheService() {
        String path = uniquePath("invoices");

        Http.Response response = gateway().get(path).token(token("alice")).send();

        JsonNode problem = assertProblem(response, 503, "service-unavailable", path);
        assertThat(problem.get("service").asString()).isEqualTo("billing-service");
        assertThat(problem.get("detail").asString()).isEqualTo("billing-service is not answering; retry shortly");
    }

    @Test
    void answersNoPersonalDataExportWithoutBillingsPart() {
        String member = UUID.randomUUID().toString();
        String export = "/api/v1/members/" + member + "/personal-data";
        for (ServiceStub up : List.of(Services.MEMBERS, Services.SUBSCRIPTIONS, Services.BOOKINGS)) {
            up.willAnswer("/api/v1/personal-data/members/" + member, 200, "application/json",
                    "{\"memberId\": \"" + member + "\", \"sections\": {}}");
        }

        JsonNode problem = assertProblem(gateway().get(export).token(token("alice")).send(), 503,
                "service-unavailable", export);

        assertThat(problem.get("service").asString()).isEqualTo("billing-service");
        assertThat(problem.get("services").valueStream().map(JsonNode::asString)).containsExactly("billing-service");
    }

    @Test
    void logsTheOutageWithTheCorrelationId(CapturedOutput output) {
        gateway().get(uniquePath("payments")).token(token("alice")).header("X-Correlation-Id", "outage-check-1").send();

        assertThat(output.getOut().lines().filter(line -> line.contains("billing-service is not answering")))
                .singleElement().asString().contains("\"correlationId\":\"outage-check-1\"");
    }

    @Test
    void showsEachServicesHealth() {
        JsonNode health = gateway().get("/actuator/health").send().json().get("components");

        assertThat(health.get("members-service").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("members-service").get("details").get("url").asString())
                .isEqualTo(Services.MEMBERS.url() + "/actuator/health/readiness");
        assertThat(health.get("booking-service").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("billing-service").get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("billing-service").get("details").get("error").asString()).contains("Connection refused");
    }

    @Test
    void groupsTheServicesHealth() {
        Http.Response services = gateway().get("/actuator/health/services").send();

        assertThat(services.status()).isEqualTo(503);
        assertThat(services.json().get("components").propertyNames()).containsExactlyInAnyOrder(
                "members-service", "subscription-service", "booking-service", "billing-service");
    }

    @Test
    void staysReadyAndAliveWhileAServiceIsDown() {
        Http.Response readiness = gateway().get("/actuator/health/readiness").send();
        Http.Response liveness = gateway().get("/actuator/health/liveness").send();

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").has("billing-service")).isFalse();
        assertThat(liveness.status()).isEqualTo(200);
    }
}
