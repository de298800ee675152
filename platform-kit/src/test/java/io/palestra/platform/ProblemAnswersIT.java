package io.palestra.platform;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal is an RFC 9457 problem with a stable code, and a refused request stores nothing. */
class ProblemAnswersIT extends KitIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void malformedJsonIsAMalformedBodyProblemAndStoresNothing() {
        long before = storedEvents();
        Http.Response answer = http().post("/api/v1/clubs", "{\"name\": ").token(token("manager")).send();

        assertProblem(answer, 400, "malformed-body");
        assertThat(answer.json().get("detail").asString()).startsWith("The body is not valid JSON");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aFieldThatBreaksARuleIsNamedInTheErrors() {
        Http.Response answer = http().post("/api/v1/clubs", "{\"name\": \"\"}").token(token("manager")).send();

        assertProblem(answer, 400, "validation-failed");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("name");
        assertThat(error.get("message").asString()).isNotBlank();
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        Http.Response answer = http().post("/api/v1/clubs", "name=x").header("Content-Type", "text/plain")
                .token(token("manager")).send();

        assertProblem(answer, 415, "unsupported-media-type");
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        assertProblem(http().get("/api/v1/nothing-here").token(token("manager")).send(), 404, "unknown-path");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        assertProblem(http().delete("/api/v1/clubs").token(token("manager")).send(), 405, "method-not-allowed");
    }

    @Test
    void noTokenIsUnauthorizedWithABearerChallenge() {
        Http.Response answer = http().get("/api/v1/clubs/" + UUID.randomUUID()).send();

        assertProblem(answer, 401, "unauthorized");
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        String forged = token("manager").substring(0, token("manager").lastIndexOf('.')) + ".c2lnbmF0dXJl";
        assertProblem(http().get("/api/v1/clubs/" + UUID.randomUUID()).token(forged).send(), 401, "unauthorized");
    }

    @Test
    void aRoleThatMayNotActIsForbidden() {
        assertProblem(http().post("/api/v1/clubs", "{\"name\": \"Coach's club\"}").token(token("coach")).send(),
                403, "forbidden");
    }

    @Test
    void anotherOrganisationsResourceIsNotFound() {
        String club = openClub("Ours");
        Http.Response answer = http().get("/api/v1/clubs/" + club)
                .token(tokenOf(UUID.randomUUID(), "manager")).send();

        assertProblem(answer, 404, "club-not-found");
    }

    @Test
    void aPathIdThatIsNoUuidIsNotFound() {
        assertProblem(http().get("/api/v1/clubs/not-a-uuid").token(token("manager")).send(), 404, "not-found");
    }

    @Test
    void aBusinessRuleRefusalIs422WithItsOwnCode() {
        Http.Response answer = http().post("/api/v1/clubs", "{\"name\": \"Closed for good\"}")
                .token(token("manager")).send();

        assertProblem(answer, 422, "club-closed");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndChangesNothing() {
        String club = openClub("Before");
        Http.Response renamed = http().put("/api/v1/clubs/" + club + "/name", "{\"name\": \"After\"}")
                .header("If-Match", "\"0\"").token(token("manager")).send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.header("ETag")).contains("\"1\"");

        Http.Response stale = http().put("/api/v1/clubs/" + club + "/name", "{\"name\": \"Lost update\"}")
                .header("If-Match", "\"0\"").token(token("manager")).send();

        assertProblem(stale, 412, "precondition-failed");
        assertThat(http().get("/api/v1/clubs/" + club).token(token("manager")).send().json().get("name").asString())
                .isEqualTo("After");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutAStackTrace() {
        String club = openClub("Stable");
        Http.Response answer = http().put("/api/v1/clubs/" + club + "/name", "{\"name\": \"explode\"}")
                .token(token("manager")).send();

        assertProblem(answer, 500, "internal-error");
        assertThat(answer.body()).doesNotContain("IllegalStateException").doesNotContain("at io.palestra");
    }

    @Test
    void aBodyOverTheLimitIs413AndStoresNothing() {
        long before = storedEvents();
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Http.Response answer = http().post("/api/v1/clubs", huge).token(token("manager")).send();

        assertProblem(answer, 413, "payload-too-large");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void everyAnswerEchoesTheCallersCorrelationId() {
        Http.Response answer = http().get("/api/v1/clubs/" + UUID.randomUUID()).token(token("manager"))
                .header("X-Correlation-Id", "support-ticket-42").send();

        assertThat(answer.header("X-Correlation-Id")).contains("support-ticket-42");
        assertThat(answer.json().get("correlationId").asString()).isEqualTo("support-ticket-42");
    }

    static void assertProblem(Http.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).isEqualTo("urn:palestra:problem:" + code);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

}
