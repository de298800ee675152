package io.palestra.gateway;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;

import static io.palestra.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A small bucket: a burst of five, then one request a second. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "palestra.gateway.rate-limit.capacity=5",
        "palestra.gateway.rate-limit.refill-per-second=1",
        "logging.level.io.palestra.gateway.limits=debug"})
class RateLimitIT extends AllServicesUpTest {

    @Test
    void refusesAClientThatExhaustedItsBucketAndSaysWhenToRetry() {
        String token = token("busy-integration");

        List<Integer> statuses = new ArrayList<>();
        String path;
        Http.Response response;
        do {
            path = uniquePath("members");
            response = gateway().get(path).token(token).send();
            statuses.add(response.status());
        } while (response.status() == 200 && statuses.size() < 20);

        // Five from the burst (one more may have been refilled meanwhile on a slow machine), then refused.
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertProblem(response, 429, "rate-limited", path);
        assertThat(Services.MEMBERS.requestsTo(path)).isEmpty();
        assertThat(response.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(response.header("X-RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void countsEachClientApart() {
        String greedy = token("greedy");
        for (int i = 0; i < 10; i++) {
            gateway().get(uniquePath("offers")).token(greedy).send();
        }

        Http.Response other = gateway().get(uniquePath("offers")).token(token("patient")).send();

        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void logsTheRefusalWithTheCorrelationId(CapturedOutput output) {
        String token = token("logged-client");
        for (int i = 0; i < 10; i++) {
            gateway().get(uniquePath("passes")).token(token).header("X-Correlation-Id", "limit-check-" + i).send();
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("Rate limited")))
                .isNotEmpty()
                .allMatch(line -> line.matches(".*\"correlationId\":\"limit-check-\\d\".*"));
    }
}
