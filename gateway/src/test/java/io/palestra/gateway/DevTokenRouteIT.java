package io.palestra.gateway;

import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.palestra.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The development token route exists only where a development issuer is configured. */
class DevTokenRouteIT extends AllServicesUpTest {

    private static final String TOKEN_REQUEST = "{\"organizationId\":\"" + ORGANIZATION
            + "\",\"roles\":[\"front-desk\"],\"subject\":\"dana\"}";

    @Test
    void isUnknownInTheDefaultConfiguration() {
        Http.Response response = gateway().post("/dev/token", TOKEN_REQUEST).send();

        assertProblem(response, 404, "unknown-path", "/dev/token");
    }

    @Nested
    class WhenADevelopmentIssuerIsConfigured {

        @DynamicPropertySource
        static void developmentIssuer(DynamicPropertyRegistry registry) {
            registry.add("palestra.gateway.dev-issuer-url", () -> TestInfrastructure.tokens().issuer());
        }

        @Test
        void routesTokenRequestsToItWithoutToken() {
            Http.Response response = gateway().post("/dev/token", TOKEN_REQUEST).send();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
        }

        @Test
        void issuesTokensTheGatewayAccepts() {
            String token = gateway().post("/dev/token", TOKEN_REQUEST).send().json().get("access_token").asString();

            Http.Response response = gateway().get(uniquePath("members")).token(token).send();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
    }
}
