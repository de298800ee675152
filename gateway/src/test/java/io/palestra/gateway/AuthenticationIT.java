package io.palestra.gateway;

import io.palestra.test.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.palestra.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationIT extends AllServicesUpTest {

    @Test
    void refusesACallWithoutTokenBeforeItReachesTheService() {
        String path = uniquePath("members");

        Http.Response response = gateway().get(path).send();

        assertProblem(response, 401, "unauthorized", path);
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(Services.MEMBERS.requestsTo(path)).isEmpty();
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        String path = uniquePath("invoices");

        Http.Response response = gateway().get(path).token(ForgedToken.signedByAnotherKey("mallory")).send();

        assertProblem(response, 401, "unauthorized", path);
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        assertThat(Services.BILLING.requestsTo(path)).isEmpty();
    }

    @Test
    void refusesSomethingThatIsNotAToken() {
        String path = uniquePath("sessions");

        Http.Response response = gateway().get(path).token("not-a-jwt").send();

        assertProblem(response, 401, "unauthorized", path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info",
            "/actuator/prometheus"})
    void letsProbesAndMetricsInWithoutToken(String path) {
        Http.Response response = gateway().get(path).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
