package io.palestra.gateway;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.palestra.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Failures the gateway answers itself, in the same problem shape as the services. */
class GatewayProblemsIT extends AllServicesUpTest {

    private static final String TWO_MEGABYTES = "{\"notes\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    @Test
    void answersUnknownPathForAResourceNoServiceOwns() {
        Http.Response response = gateway().get("/api/v1/spaceships/1").token(token("alice")).send();

        JsonNode problem = assertProblem(response, 404, "unknown-path", "/api/v1/spaceships/1");
        assertThat(problem.get("title").asString()).isEqualTo("Not Found");
    }

    @Test
    void refusesABodyAboveTheLimitWithoutBotheringTheService() {
        String path = uniquePath("members");

        Http.Response response = gateway().post(path, TWO_MEGABYTES).token(token("alice")).send();

        JsonNode problem = assertProblem(response, 413, "payload-too-large", path);
        assertThat(problem.get("detail").asString()).contains("1MB");
        assertThat(Services.MEMBERS.requestsTo(path)).isEmpty();
    }

    @Test
    void refusesAChunkedBodyAboveTheLimitToo() throws Exception {
        String path = uniquePath("members");
        byte[] body = TWO_MEGABYTES.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token("alice"))
                .header("Content-Type", "application/json")
                // No length known in advance: the JDK client sends Transfer-Encoding: chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"payload-too-large\"");
        assertThat(Services.MEMBERS.requestsTo(path)).isEmpty();
    }

    @Test
    void letsAnUploadThroughUpToTheUploadLimitAndRefusesOneAboveIt() {
        String multipart = "multipart/form-data; boundary=xyz";
        String accepted = uniquePath("members");
        String refused = uniquePath("members");

        Http.Response through = gateway().post(accepted, "x".repeat(2 * 1024 * 1024))
                .header("Content-Type", multipart).token(token("alice")).send();
        Http.Response tooLarge = gateway().post(refused, "x".repeat(27 * 1024 * 1024))
                .header("Content-Type", multipart).token(token("alice")).send();

        assertThat(through.status()).as(through.toString()).isLessThan(400);
        assertThat(Services.MEMBERS.requestsTo(accepted)).hasSize(1);
        JsonNode problem = assertProblem(tooLarge, 413, "payload-too-large", refused);
        assertThat(problem.get("detail").asString()).contains("26MB");
        assertThat(Services.MEMBERS.requestsTo(refused)).isEmpty();
    }

    @Test
    void answersGatewayTimeoutNamingTheServiceWhenItIsTooSlow() throws Exception {
        String path = uniquePath("sessions");
        Http.Response response;
        try (AutoCloseable slowAnswer = Services.BOOKINGS.hold(path)) {
            response = gateway().get(path).token(token("alice")).send();
        }

        JsonNode problem = assertProblem(response, 504, "gateway-timeout", path);
        assertThat(problem.get("service").asString()).isEqualTo("booking-service");
        assertThat(problem.get("detail").asString()).startsWith("booking-service did not answer");
    }
}
