package io.palestra.e2e;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The class-booking benchmark of docs/performance.md, not part of the test suite (the name does not end in IT). On a
 * built and installed tree: {@code ./mvnw -B verify -pl e2e-tests -Dit.test=BookingBenchmark -Dtest=NoSuch
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}. It starts the whole platform on
 * fresh data, registers 100 members with a 1,000-credit class card each and schedules 50 sessions of 1,000 seats
 * through the gateway, then books through the gateway as an integration does (online): a burst from 16 clients
 * (throughput: bookings confirmed per second) and a steady trickle (latency from the request to the booking read
 * back as booked: the POST's own answer when subscription-service answered within the short wait, else the first
 * GET that shows it booked, polled every 5 ms). Figures go to the console and to
 * {@code target/booking-benchmark.md}; nothing is asserted about time.
 */
class BookingBenchmark {

    private static final int MEMBERS = 100;
    private static final int SESSIONS = 50;
    private static final int BURST = Integer.getInteger("benchmark.burst", 1_000);
    private static final int TRICKLE = Integer.getInteger("benchmark.trickle", 300);
    private static final int TRICKLE_PER_SECOND = 10;
    private static final int CLIENTS = 16;

    private Http gateway;
    private String app;

    @Test
    void classBookings() throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        try (BenchmarkPlatform bench = BenchmarkPlatform.start("booking-benchmark")) {
            gateway = bench.gateway();
            JsonNode chain = gateway.post("/api/v1/organizations", """
                    {"name": "Benchmark Yoga", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR",
                     "sites": [{"name": "Lyon", "timeZone": "Europe/Paris"}]}""")
                    .token(bench.token("{\"roles\": [\"platform-admin\"], \"subject\": \"root\"}")).send().json();
            String organization = chain.get("id").asString();
            String lyon = chain.get("sites").get(0).get("id").asString();
            String manager = bench.token("{\"organizationId\": \"" + organization
                    + "\", \"roles\": [\"manager\"], \"subject\": \"bench\"}");
            app = bench.token("{\"organizationId\": \"" + organization
                    + "\", \"roles\": [\"integration\"], \"subject\": \"app\"}");
            String plan = await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post("/api/v1/plans", """
                    {"kind": "class-pack", "terms": {"name": "Carte 1000", "price": {"amount": "10", "currency": "EUR"},
                     "vatRate": 20, "credits": 1000, "validityDays": 365, "activation": "sale"}}""")
                    .token(manager).send(), answer -> answer.status() == 201).json().get("id").asString();
            gateway.post("/api/v1/plans/" + plan + "/publication", "").token(manager).send();
            List<String> members = new ArrayList<>();
            for (int index = 0; index < MEMBERS; index++) {
                String member = gateway.post("/api/v1/members", """
                        {"siteId": "%s", "firstName": "Bench", "lastName": "Member%d"}""".formatted(lyon, index))
                        .token(manager).send().json().get("id").asString();
                Http.Response issued = gateway.post("/api/v1/passes", """
                        {"memberId": "%s", "planId": "%s", "saleReference": "BENCH-%d"}"""
                        .formatted(member, plan, index)).token(manager).send();
                assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
                members.add(member);
            }
            for (String member : members) {
                await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/bookings?memberId="
                        + member).token(manager).send().status() == 200);
            }
            Instant startsAt = Instant.now().plus(Duration.ofDays(2));
            List<String> sessions = new ArrayList<>();
            for (int index = 0; index < SESSIONS; index++) {
                sessions.add(gateway.post("/api/v1/sessions", """
                        {"siteId": "%s", "activityType": "yoga", "startsAt": "%s", "endsAt": "%s",
                         "capacity": 1000, "credits": 1}""".formatted(lyon, startsAt,
                        startsAt.plus(Duration.ofHours(1)))).token(manager).send().json().get("sessionId")
                        .asString());
            }

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                int next = 0;
                List<Double> warmUp = run(clients, members, sessions, next, 100, 0);
                next += warmUp.size();
                long burstStart = System.nanoTime();
                List<Double> burst = run(clients, members, sessions, next, BURST, 0);
                double seconds = (System.nanoTime() - burstStart) / 1e9;
                next += burst.size();
                figures.put("burst of " + BURST + " bookings from " + CLIENTS + " clients: booked per second",
                        String.format(Locale.ROOT, "%.0f", BURST / seconds));
                figures.put("burst: p50 / p95 / p99 request → booked", percentiles(burst));
                List<Double> trickle = run(clients, members, sessions, next, TRICKLE, TRICKLE_PER_SECOND);
                figures.put("steady " + TRICKLE_PER_SECOND + "/s (" + TRICKLE + " bookings): p50 / p95 / p99 "
                        + "request → booked", percentiles(trickle));
            } finally {
                clients.shutdown();
                clients.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
        StringBuilder report = new StringBuilder("| measure | value |\n|---|---|\n");
        figures.forEach((name, value) -> report.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        System.out.println(report);
        Files.writeString(Path.of("target", "booking-benchmark.md"), report, StandardCharsets.UTF_8);
    }

    /**
     * Books {@code count} distinct (member, session) pairs from {@code first} on, as fast as the clients go or at
     * {@code perSecond}; the milliseconds each took from request to booked.
     */
    private List<Double> run(ExecutorService clients, List<String> members, List<String> sessions, int first,
                             int count, int perSecond) {
        List<CompletableFuture<Double>> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int index = first; index < first + count; index++) {
            if (perSecond > 0) {
                long due = start + (index - first) * 1_000_000_000L / perSecond;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(100_000);
                }
            }
            String member = members.get(index % members.size());
            String session = sessions.get((index / members.size()) % sessions.size());
            latencies.add(CompletableFuture.supplyAsync(() -> bookAndAwait(session, member), clients));
        }
        return latencies.stream().map(CompletableFuture::join).sorted().toList();
    }

    private double bookAndAwait(String session, String member) {
        long start = System.nanoTime();
        Http.Response answer = gateway.post("/api/v1/sessions/" + session + "/bookings",
                "{\"memberId\": \"" + member + "\"}").token(app).send();
        assertThat(answer.status()).as(answer.toString()).isIn(201, 202);
        String booking = answer.json().get("bookingId").asString();
        String status = answer.json().get("status").asString();
        while (!status.equals("booked")) {
            assertThat(status).as(booking).isEqualTo("pending");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            status = gateway.get("/api/v1/bookings/" + booking).token(app).send().json().get("status").asString();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static String percentiles(List<Double> sorted) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99));
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
