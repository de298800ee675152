package io.palestra.local.platform;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadinessTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final AtomicInteger requests = new AtomicInteger();
    private final List<HttpServer> servers = new ArrayList<>();
    private final RecentLines recent = new RecentLines();

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void waitsUntilTheServiceAnswersUp() throws IOException {
        URI url = serviceUpAfter(3);
        List<Readiness.Ready> ready = new ArrayList<>();

        new Readiness(Duration.ofSeconds(10), INTERVAL).awaitAll(List.of(target("members", url, () -> true)),
                ready::add, () -> false);

        assertThat(requests.get()).isEqualTo(4);
        assertThat(ready).extracting(Readiness.Ready::name).containsExactly("members");
    }

    @Test
    void waitsForEveryService() throws IOException {
        URI quick = serviceUpAfter(0);
        URI slow = serviceUpAfter(5);
        List<String> ready = new ArrayList<>();

        new Readiness(Duration.ofSeconds(10), INTERVAL).awaitAll(
                List.of(target("slow", slow, () -> true), target("quick", quick, () -> true)),
                each -> ready.add(each.name()), () -> false);

        assertThat(ready).containsExactly("quick", "slow");
    }

    @Test
    void givesUpAfterTheTimeoutSayingWhatTheServiceLastAnswered() throws IOException {
        URI url = serviceUpAfter(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new Readiness(Duration.ofMillis(300), INTERVAL).awaitAll(
                List.of(target("billing", url, () -> true)), ready -> { }, () -> false))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("Not ready within 0.3 s")
                .hasMessageContaining("billing at " + url + ": HTTP 503 {\"status\":\"OUT_OF_SERVICE\"}");
    }

    @Test
    void keepsAskingAServiceThatDoesNotListenYet() throws IOException {
        URI nothingThere = URI.create("http://localhost:" + FreePortsTest.freePort() + "/actuator/health/readiness");

        assertThatThrownBy(() -> new Readiness(Duration.ofMillis(300), INTERVAL).awaitAll(
                List.of(target("bookings", nothingThere, () -> true)), ready -> { }, () -> false))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("bookings at " + nothingThere + ": no answer");
    }

    @Test
    void stopsWaitingWhenTheProcessDiesAndKeepsItsLastLines() throws IOException {
        URI url = serviceUpAfter(Integer.MAX_VALUE);
        recent.add("Caused by: org.postgresql.util.PSQLException: Connection refused");
        Readiness.Target diesAfterTwoAnswers = target("members", url, () -> requests.get() < 2);

        assertThatThrownBy(() -> new Readiness(Duration.ofSeconds(20), INTERVAL).awaitAll(
                List.of(diesAfterTwoAnswers), ready -> { }, () -> false))
                .isInstanceOfSatisfying(StartupFailure.class, failure -> {
                    assertThat(failure.process()).isEqualTo("members");
                    assertThat(failure.lastLines())
                            .containsExactly("Caused by: org.postgresql.util.PSQLException: Connection refused");
                })
                .hasMessage("members exited with code 3 while starting");
    }

    @Test
    void stopsWaitingWhenThePlatformIsBeingStopped() throws IOException {
        URI url = serviceUpAfter(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new Readiness(Duration.ofSeconds(20), INTERVAL).awaitAll(
                List.of(target("members", url, () -> true)), ready -> { }, () -> requests.get() >= 2))
                .isInstanceOf(StartupCancelled.class);
    }

    private Readiness.Target target(String name, URI url, java.util.function.BooleanSupplier alive) {
        return new Readiness.Target(name, url, alive, () -> 3, recent);
    }

    /** A readiness endpoint that answers 503 OUT_OF_SERVICE {@code downAnswers} times, then 200 UP. */
    private URI serviceUpAfter(int downAnswers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger asked = new AtomicInteger();
        server.createContext("/actuator/health/readiness", exchange -> {
            requests.incrementAndGet();
            boolean up = asked.getAndIncrement() >= downAnswers;
            byte[] body = (up ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(up ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/actuator/health/readiness");
    }
}
