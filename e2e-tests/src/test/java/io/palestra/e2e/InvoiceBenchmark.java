package io.palestra.e2e;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invoice-issue benchmark of docs/performance.md, not part of the test suite (the name does not end in IT). On a
 * built and installed tree: {@code ./mvnw -B verify -pl e2e-tests -Dit.test=InvoiceBenchmark -Dtest=NoSuch
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}. It starts the whole platform on
 * fresh data and, through the gateway, issues carts of one line prepared beforehand: one at a time (the cost of one
 * issue), from 16 clients for one organisation (they all take numbers from the same counter row, each waiting for the
 * previous issue to commit) and from 16 clients for 16 organisations (16 counters: no waiting). The gap between the
 * last two is what gapless numbering costs under concurrency. Figures go to the console and to
 * {@code target/invoice-benchmark.md}; nothing is asserted about time, but every number is checked gapless.
 */
class InvoiceBenchmark {

    private static final int CLIENTS = 16;
    private static final int CONCURRENT = Integer.getInteger("benchmark.invoices", 800);
    private static final int SEQUENTIAL = 200;

    private Http gateway;
    private BenchmarkPlatform bench;

    private record Chain(String organization, String site, String desk) {
    }

    @Test
    void invoiceIssues() throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        try (BenchmarkPlatform started = BenchmarkPlatform.start("invoice-benchmark")) {
            bench = started;
            gateway = bench.gateway();
            List<Chain> chains = new ArrayList<>();
            for (int index = 0; index < CLIENTS; index++) {
                chains.add(chain("Benchmark " + index));
            }
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                Chain one = chains.get(0);
                issue(clients, carts(clients, List.of(one), 50));
                List<Double> alone = new ArrayList<>();
                for (Map.Entry<String, Chain> cart : carts(clients, List.of(one), SEQUENTIAL)) {
                    alone.add(timedIssue(cart.getKey(), one));
                }
                figures.put("one at a time (" + SEQUENTIAL + " issues): p50 / p95 / p99", percentiles(sorted(alone)));

                List<Map.Entry<String, Chain>> shared = carts(clients, List.of(one), CONCURRENT);
                long start = System.nanoTime();
                List<Double> contended = issue(clients, shared);
                double seconds = (System.nanoTime() - start) / 1e9;
                figures.put(CLIENTS + " clients, one organisation (one counter): issued per second",
                        String.format(Locale.ROOT, "%.0f", CONCURRENT / seconds));
                figures.put(CLIENTS + " clients, one organisation: p50 / p95 / p99", percentiles(contended));

                List<Map.Entry<String, Chain>> spread = carts(clients, chains, CONCURRENT);
                start = System.nanoTime();
                List<Double> apart = issue(clients, spread);
                seconds = (System.nanoTime() - start) / 1e9;
                figures.put(CLIENTS + " clients, " + CLIENTS + " organisations (16 counters): issued per second",
                        String.format(Locale.ROOT, "%.0f", CONCURRENT / seconds));
                figures.put(CLIENTS + " clients, " + CLIENTS + " organisations: p50 / p95 / p99", percentiles(apart));
            } finally {
                clients.shutdown();
                clients.awaitTermination(1, TimeUnit.MINUTES);
            }
            for (Chain chain : chains) {
                List<String> numbers = gateway.get("/api/v1/invoices?limit=500&status=issued").token(chain.desk())
                        .send().json().get("items").valueStream().map(invoice -> invoice.get("number").asString())
                        .toList();
                assertThat(numbers).doesNotHaveDuplicates();
            }
        }
        StringBuilder report = new StringBuilder("| measure | value |\n|---|---|\n");
        figures.forEach((name, value) -> report.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        System.out.println(report);
        Files.writeString(Path.of("target", "invoice-benchmark.md"), report, StandardCharsets.UTF_8);
    }

    private Chain chain(String name) {
        Http.Response created = gateway.post("/api/v1/organizations", """
                {"name": "%s", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR",
                 "sites": [{"name": "Lyon", "timeZone": "Europe/Paris"}]}""".formatted(name))
                .token(bench.token("{\"roles\": [\"platform-admin\"], \"subject\": \"root\"}")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String organization = created.json().get("id").asString();
        String desk = bench.token("{\"organizationId\": \"" + organization
                + "\", \"roles\": [\"front-desk\"], \"subject\": \"desk\"}");
        String site = created.json().get("sites").get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post("/api/v1/invoices", """
                {"siteId": "%s", "memberId": "%s"}""".formatted(site, UUID.randomUUID())).token(desk).send()
                .status() == 201);
        return new Chain(organization, site, desk);
    }

    /** {@code count} carts of one line, spread over the chains in turn, prepared by the clients. */
    private List<Map.Entry<String, Chain>> carts(ExecutorService clients, List<Chain> chains, int count) {
        List<CompletableFuture<Map.Entry<String, Chain>>> carts = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Chain chain = chains.get(index % chains.size());
            carts.add(CompletableFuture.supplyAsync(() -> {
                String cart = gateway.post("/api/v1/invoices", """
                        {"siteId": "%s", "memberId": "%s"}""".formatted(chain.site(), UUID.randomUUID()))
                        .token(chain.desk()).send().json().get("invoiceId").asString();
                Http.Response line = gateway.post("/api/v1/invoices/" + cart + "/lines", """
                        {"kind": "session", "description": "Séance", "vatRate": "20.0",
                         "unitPrice": {"amount": "15.00", "currency": "EUR"}}""").token(chain.desk()).send();
                assertThat(line.status()).as(line.toString()).isEqualTo(201);
                return Map.entry(cart, chain);
            }, clients));
        }
        return carts.stream().map(CompletableFuture::join).toList();
    }

    private List<Double> issue(ExecutorService clients, List<Map.Entry<String, Chain>> carts) {
        List<CompletableFuture<Double>> latencies = carts.stream().map(cart -> CompletableFuture.supplyAsync(
                () -> timedIssue(cart.getKey(), cart.getValue()), clients)).toList();
        return sorted(latencies.stream().map(CompletableFuture::join).toList());
    }

    private double timedIssue(String cart, Chain chain) {
        long start = System.nanoTime();
        Http.Response issued = gateway.post("/api/v1/invoices/" + cart + "/issue", "{}").token(chain.desk()).send();
        double millis = (System.nanoTime() - start) / 1e6;
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return millis;
    }

    private static List<Double> sorted(List<Double> values) {
        return values.stream().sorted().toList();
    }

    private static String percentiles(List<Double> sorted) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99));
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
