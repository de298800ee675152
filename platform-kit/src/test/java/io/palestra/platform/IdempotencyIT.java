package io.palestra.platform;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.palestra.platform.ProblemAnswersIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIT extends KitIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReplayedKeyGetsTheFirstAnswerAndCreatesNothingMore() {
        String key = UUID.randomUUID().toString();
        String name = "Replayed " + key;
        Http.Response first = open(name, key);
        Http.Response second = open(name, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("Idempotency-Replayed")).contains("true");
        assertThat(first.header("Idempotency-Replayed")).isEmpty();
        assertThat(clubsNamed(name)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(open("First " + key, key).status()).isEqualTo(201);

        Http.Response other = open("Other " + key, key);

        assertProblem(other, 422, "idempotency-key-reused");
        assertThat(clubsNamed("Other " + key)).isZero();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneClub() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Concurrent " + key;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Http.Response>> attempts = IntStream.range(0, 6)
                    .<Callable<Http.Response>>mapToObj(i -> () -> open(name, key)).toList();
            List<Http.Response> answers = pool.invokeAll(attempts).stream().map(IdempotencyIT::get).toList();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
            assertThat(answers.stream().map(answer -> answer.json().get("clubId").asString()).distinct()).hasSize(1);
            assertThat(clubsNamed(name)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedRequestKeepsNothingSoTheKeyCanBeRetriedWithAFixedBody() {
        String key = UUID.randomUUID().toString();
        assertProblem(http().post("/api/v1/clubs", "{\"name\": \"\"}").header("Idempotency-Key", key)
                .token(token("manager")).send(), 400, "validation-failed");

        assertThat(open("Fixed " + key, key).status()).isEqualTo(201);
    }

    @Test
    void aRetryAfterAChangeWhoseAnswerWasNeverRecordedIsToldSoAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "Unanswered " + key;
        assertThat(open(name, key).status()).isEqualTo(201);
        // As if the service died between committing the change and recording its answer.
        jdbc.sql("UPDATE idempotency_record SET status = 0 WHERE idempotency_key = ?").param(key).update();

        Http.Response retry = open(name, key);

        assertProblem(retry, 409, "idempotency-request-in-flight");
        assertThat(retry.header("Retry-After")).contains("1");
        assertThat(clubsNamed(name)).isEqualTo(1);
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIsInvalid() {
        Http.Response answer = http().post("/api/v1/clubs", "{\"name\": \"x\"}")
                .header("Idempotency-Key", "x".repeat(256)).token(token("manager")).send();

        assertProblem(answer, 400, "validation-failed");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    private Http.Response open(String name, String key) {
        return http().post("/api/v1/clubs", "{\"name\": \"" + name + "\"}").header("Idempotency-Key", key)
                .token(token("manager")).send();
    }

    private long clubsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM club_view WHERE name = ?").param(name).query(Long.class).single();
    }

    private static Http.Response get(Future<Http.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
