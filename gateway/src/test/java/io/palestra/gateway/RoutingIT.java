package io.palestra.gateway;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIT extends AllServicesUpTest {

    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("members", Services.MEMBERS), Arguments.of("organizations", Services.MEMBERS),
                Arguments.of("plans", Services.SUBSCRIPTIONS), Arguments.of("offers", Services.SUBSCRIPTIONS),
                Arguments.of("subscriptions", Services.SUBSCRIPTIONS),
                Arguments.of("passes", Services.SUBSCRIPTIONS),
                Arguments.of("sessions", Services.BOOKINGS), Arguments.of("schedules", Services.BOOKINGS),
                Arguments.of("bookings", Services.BOOKINGS), Arguments.of("waitlists", Services.BOOKINGS),
                Arguments.of("resources", Services.BOOKINGS), Arguments.of("appointments", Services.BOOKINGS),
                Arguments.of("invoices", Services.BILLING), Arguments.of("payments", Services.BILLING),
                Arguments.of("refunds", Services.BILLING), Arguments.of("credit-notes", Services.BILLING),
                Arguments.of("wallets", Services.BILLING), Arguments.of("gift-cards", Services.BILLING),
                Arguments.of("promotions", Services.BILLING), Arguments.of("carts", Services.BILLING));
    }

    @ParameterizedTest(name = "/api/v1/{0}")
    @MethodSource("resources")
    void routesEachResourceToItsOwningServiceWithTheTokenAndACorrelationId(String resource, ServiceStub owner) {
        String token = token("alice");
        String path = uniquePath(resource) + "/history";

        Http.Response response = gateway().get(path + "?page=2").token(token).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(owner.requestsTo(path)).singleElement().satisfies(received -> {
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(received.header("X-Correlation-Id"))
                    .matches("[0-9a-f-]{36}")
                    .isEqualTo(response.header("X-Correlation-Id").orElseThrow());
            assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        });
        assertThat(response.json().get("path").asString()).isEqualTo(path);
    }

    @Test
    void keepsTheCallersCorrelationId() {
        String path = uniquePath("members");

        Http.Response response = gateway().get(path).token(token("alice"))
                .header("X-Correlation-Id", "checkout-42:retry.1").send();

        assertThat(Services.MEMBERS.requestsTo(path)).singleElement()
                .satisfies(received ->
                        assertThat(received.header("X-Correlation-Id")).isEqualTo("checkout-42:retry.1"));
        assertThat(response.header("X-Correlation-Id")).hasValue("checkout-42:retry.1");
    }

    @Test
    void answersOneCorrelationIdThoughTheServiceEchoesItToo() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uniquePath("wallets")))
                .header("Authorization", "Bearer " + token("alice"))
                .header("X-Correlation-Id", "echo-check").build();

        HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("echo-check");
    }

    @Test
    void replacesACorrelationIdThatCouldPolluteLogsOrHeaders() {
        String path = uniquePath("members");

        Http.Response response = gateway().get(path).token(token("alice"))
                .header("X-Correlation-Id", "x".repeat(129)).send();

        String sent = Services.MEMBERS.requestsTo(path).get(0).header("X-Correlation-Id");
        assertThat(sent).matches("[0-9a-f-]{36}");
        assertThat(response.header("X-Correlation-Id")).hasValue(sent);
    }

    @Test
    void forwardsTheBodyOfAWrite() {
        String path = uniquePath("bookings");

        Http.Response response = gateway().post(path, "{\"memberId\":\"m-1\"}").token(token("alice")).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(Services.BOOKINGS.requestsTo(path)).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.body()).isEqualTo("{\"memberId\":\"m-1\"}");
        });
    }

    @Test
    void passesAProblemOfTheServiceThroughUntouched() {
        Http.Response response = gateway().post(uniquePath("sessions") + "/problem", "{}").token(token("alice")).send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(ServiceStub.CONFLICT_PROBLEM);
    }

    @Test
    void measuresTheRequestsOfEachServiceForPrometheus() {
        gateway().get(uniquePath("gift-cards")).token(token("alice")).send();

        String metrics = gateway().get("/actuator/prometheus").send().body();

        assertThat(metrics)
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{.*routeId=\"billing-service\"");
    }

    @Test
    void tellsHowManyRequestsAreLeft() {
        Http.Response response = gateway().get(uniquePath("offers")).token(token("remaining-check")).send();

        assertThat(response.header("X-RateLimit-Remaining")).hasValue("99");
    }
}
