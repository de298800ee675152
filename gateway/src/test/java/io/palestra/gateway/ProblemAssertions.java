package io.palestra.gateway;

import io.palestra.test.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape every Palestra problem has, whoever answers it. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    static JsonNode assertProblem(Http.Response response, int status, String code, String path) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:palestra:problem:" + code);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("correlationId").asString())
                .isEqualTo(response.header("X-Correlation-Id").orElseThrow());
        assertThat(problem.has("trace")).isFalse();
        return problem;
    }
}
