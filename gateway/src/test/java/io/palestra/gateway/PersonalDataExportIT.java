package io.palestra.gateway;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.palestra.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** A member's personal data export: the gateway gathers every service's part, and answers all of them or a problem. */
class PersonalDataExportIT extends AllServicesUpTest {

    private static final List<ServiceStub> ALL = List.of(Services.MEMBERS, Services.SUBSCRIPTIONS, Services.BOOKINGS,
            Services.BILLING);
    private static final String FORBIDDEN = "{\"type\":\"urn:palestra:problem:forbidden\",\"title\":\"Forbidden\","
            + "\"status\":403,\"detail\":\"Your role does not allow this operation.\",\"code\":\"forbidden\"}";

    private final UUID member = UUID.randomUUID();
    private final String export = "/api/v1/members/" + member + "/personal-data";

    @Test
    void mergesThePartsOfEveryServiceIntoOneDocument() {
        everyServiceExports();
        String token = token("alice");

        Http.Response response = gateway().get(export).token(token).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValue("application/json");
        JsonNode document = response.json();
        assertThat(document.get("memberId").asString()).isEqualTo(member.toString());
        assertThat(document.get("organizationId").asString()).isEqualTo(ORGANIZATION.toString());
        assertThat(Instant.parse(document.get("generatedAt").asString())).isCloseTo(Instant.now(),
                within(1, ChronoUnit.MINUTES));
        JsonNode services = document.get("services");
        assertThat(services.propertyNames()).containsExactlyInAnyOrder("members-service", "subscription-service",
                "booking-service", "billing-service");
        assertThat(services.get("members-service").get("record").get("firstName").asString()).isEqualTo("Hélène");
        assertThat(services.get("billing-service").get("invoices")).isEmpty();
        for (ServiceStub service : ALL) {
            assertThat(service.requestsTo(part())).singleElement().satisfies(received -> {
                assertThat(received.method()).isEqualTo("GET");
                assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
                assertThat(received.header("X-Correlation-Id"))
                        .isEqualTo(response.header("X-Correlation-Id").orElseThrow());
                assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            });
        }
        assertThat(Services.MEMBERS.requestsTo(export)).as("answered by the gateway, not routed").isEmpty();
    }

    @Test
    void isRateLimitedLikeEveryRoute() {
        everyServiceExports();

        Http.Response response = gateway().get(export).token(token("alice")).send();

        assertThat(response.header("X-RateLimit-Remaining")).isPresent();
    }

    @Test
    void asksEveryServiceAtOnce() throws Exception {
        everyServiceExports();
        CompletableFuture<Http.Response> response;
        try (AutoCloseable slowMembers = Services.MEMBERS.hold(part())) {
            response = CompletableFuture.supplyAsync(() -> gateway().get(export).token(token("alice")).send());

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(ALL).allSatisfy(service -> assertThat(service.requestsTo(part())).hasSize(1)));
        }

        assertThat(response.get().status()).as(response.get().toString()).isEqualTo(200);
    }

    @Test
    void answersServiceUnavailableRatherThanAPartialExport() {
        everyServiceExports();
        Services.BILLING.willAnswer(part(), 500, "application/problem+json",
                "{\"status\":500,\"code\":\"internal-error\",\"detail\":\"Something went wrong on our side.\"}");

        Http.Response response = gateway().get(export).token(token("alice")).send();

        JsonNode problem = assertProblem(response, 503, "service-unavailable", export);
        assertThat(problem.get("service").asString()).isEqualTo("billing-service");
        assertThat(problem.get("services").valueStream().map(JsonNode::asString)).containsExactly("billing-service");
        assertThat(problem.get("detail").asString()).contains("billing-service");
        assertThat(response.body()).doesNotContain("Hélène");
    }

    @Test
    void answersServiceUnavailableWhenAServiceIsTooSlow() throws Exception {
        everyServiceExports();
        Http.Response response;
        try (AutoCloseable slowBookings = Services.BOOKINGS.hold(part())) {
            response = gateway().get(export).token(token("alice")).send();
        }

        JsonNode problem = assertProblem(response, 503, "service-unavailable", export);
        assertThat(problem.get("service").asString()).isEqualTo("booking-service");
    }

    @Test
    void aMemberTheCallerMayNotSeeIsNotFound() {
        everyServiceExports();
        Services.MEMBERS.willAnswer(part(), 404, "application/problem+json", "{\"type\":\"urn:palestra:problem:"
                + "member-not-found\",\"status\":404,\"detail\":\"No member " + member + " here.\","
                + "\"code\":\"member-not-found\"}");

        JsonNode problem = assertProblem(gateway().get(export).token(token("alice")).send(), 404,
                "member-not-found", export);
        assertThat(problem.get("detail").asString()).isEqualTo("No member " + member + " here.");
    }

    @Test
    void aRoleThatMayNotExportIsForbidden() {
        ALL.forEach(service -> service.willAnswer(part(), 403, "application/problem+json", FORBIDDEN));

        assertProblem(gateway().get(export).token(token("alice")).send(), 403, "forbidden", export);
    }

    @Test
    void anIdThatIsNoUuidIsNotFound() {
        String path = "/api/v1/members/not-a-uuid/personal-data";

        assertProblem(gateway().get(path).token(token("alice")).send(), 404, "not-found", path);
        assertThat(Services.MEMBERS.requestsTo("/api/v1/personal-data/members/not-a-uuid")).isEmpty();
    }

    @Test
    void needsAToken() {
        assertProblem(gateway().get(export).send(), 401, "unauthorized", export);
        assertThat(Services.MEMBERS.requestsTo(part())).isEmpty();
    }

    private String part() {
        return "/api/v1/personal-data/members/" + member;
    }

    private void everyServiceExports() {
        exports(Services.MEMBERS, "{\"record\": {\"id\": \"" + member + "\", \"firstName\": \"Hélène\"}, \"notes\": []}");
        exports(Services.SUBSCRIPTIONS, "{}");
        exports(Services.BOOKINGS, "{}");
        exports(Services.BILLING, "{\"invoices\": []}");
    }

    private void exports(ServiceStub service, String sections) {
        service.willAnswer(part(), 200, "application/json", "{\"service\": \"stub\", \"memberId\": \"" + member
                + "\", \"generatedAt\": \"" + Instant.now() + "\", \"sections\": " + sections + "}");
    }
}
