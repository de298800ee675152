package io.palestra.e2e;

import io.palestra.events.bookings.SeatReserved;
import io.palestra.local.platform.RunningPlatform;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The credit-protocol benchmark of docs/performance.md, not part of the test suite (the name does not end in IT). On
 * a built and installed tree: {@code ./mvnw -B verify -pl e2e-tests -Dit.test=CreditBenchmark -Dtest=NoSuch
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}. It starts the whole platform on
 * fresh data, issues 100 passes of 1,000 credits through the gateway, then publishes {@code SeatReserved} records on
 * {@code palestra.bookings.events} as booking-service will, and reads the answers on
 * {@code palestra.subscriptions.events}: a burst (throughput: credits consumed per second) and a steady trickle
 * (latency from publishing {@code SeatReserved} to reading {@code CreditConsumed}). Figures go to the console and to
 * {@code target/credit-benchmark.md}; nothing is asserted about time.
 */
class CreditBenchmark {

    private static final int PASSES = 100;
    private static final int BURST = Integer.getInteger("benchmark.burst", 5_000);
    private static final int TRICKLE = Integer.getInteger("benchmark.trickle", 600);
    private static final int TRICKLE_PER_SECOND = 20;
    private static final int SESSIONS = 50;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<String, String> answerType = new ConcurrentHashMap<>();

    @Test
    void creditDecisions() throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        try (BenchmarkPlatform bench = BenchmarkPlatform.start("credit-benchmark")) {
            RunningPlatform platform = bench.platform();
            Http gateway = bench.gateway();
            JsonNode chain = gateway.post("/api/v1/organizations", """
                    {"name": "Benchmark Yoga", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR",
                     "sites": [{"name": "Lyon", "timeZone": "Europe/Paris"}]}""")
                    .token(bench.token("{\"roles\": [\"platform-admin\"], \"subject\": \"root\"}")).send().json();
            UUID organization = UUID.fromString(chain.get("id").asString());
            UUID lyon = UUID.fromString(chain.get("sites").get(0).get("id").asString());
            String manager = bench.token("{\"organizationId\": \"" + organization
                    + "\", \"roles\": [\"manager\"], \"subject\": \"bench\"}");
            String plan = await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post("/api/v1/plans", """
                    {"kind": "class-pack", "terms": {"name": "Carte 1000", "price": {"amount": "10", "currency": "EUR"},
                     "vatRate": 20, "credits": 1000, "validityDays": 365, "activation": "sale"}}""")
                    .token(manager).send(), answer -> answer.status() == 201).json().get("id").asString();
            gateway.post("/api/v1/plans/" + plan + "/publication", "").token(manager).send();
            List<UUID> members = new ArrayList<>();
            for (int pass = 0; pass < PASSES; pass++) {
                UUID member = UUID.randomUUID();
                Http.Response issued = gateway.post("/api/v1/passes", """
                        {"memberId": "%s", "planId": "%s", "saleReference": "BENCH-%d"}"""
                        .formatted(member, plan, pass)).token(manager).send();
                assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
                members.add(member);
            }
            List<UUID> sessions = new ArrayList<>();
            for (int session = 0; session < SESSIONS; session++) {
                sessions.add(UUID.randomUUID());
            }

            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(() -> readAnswers(platform.kafkaBootstrapServers(), reading));
            reader.start();
            try (PublishedEvents bookings = new PublishedEvents(platform.kafkaBootstrapServers())) {
                List<String> warmUp = send(bookings, organization, lyon, members, sessions, 200, 0);
                awaitAnswers(warmUp);

                long burstStart = System.nanoTime();
                List<String> burst = send(bookings, organization, lyon, members, sessions, BURST, 0);
                awaitAnswers(burst);
                long burstEnd = burst.stream().mapToLong(answeredAt::get).max().orElseThrow();
                double perSecond = BURST / ((burstEnd - burstStart) / 1e9);
                figures.put("burst of " + BURST + " SeatReserved: credits consumed per second",
                        String.format(Locale.ROOT, "%.0f", perSecond));
                figures.put("burst: p50 / p95 / p99 SeatReserved → CreditConsumed", latencies(burst));
                figures.put("burst: answers", count(burst));

                List<String> trickle = send(bookings, organization, lyon, members, sessions, TRICKLE,
                        TRICKLE_PER_SECOND);
                awaitAnswers(trickle);
                figures.put("steady " + TRICKLE_PER_SECOND + "/s (" + TRICKLE + " records): p50 / p95 / p99 "
                        + "SeatReserved → CreditConsumed", latencies(trickle));
                figures.put("steady: answers", count(trickle));
            } finally {
                reading.set(false);
                reader.join();
            }
        }
        StringBuilder report = new StringBuilder("| measure | value |\n|---|---|\n");
        figures.forEach((name, value) -> report.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        System.out.println(report);
        Files.writeString(Path.of("target", "credit-benchmark.md"), report, StandardCharsets.UTF_8);
    }

    /** Sends {@code count} reservations, each a new booking, as fast as possible or at {@code perSecond}. */
    private List<String> send(PublishedEvents bookings, UUID organization, UUID lyon, List<UUID> members,
                              List<UUID> sessions, int count, int perSecond) throws InterruptedException {
        List<String> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int index = 0; index < count; index++) {
            if (perSecond > 0) {
                long due = start + index * 1_000_000_000L / perSecond;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            UUID booking = UUID.randomUUID();
            UUID session = sessions.get(index % sessions.size());
            sentAt.put(booking.toString(), System.nanoTime());
            bookings.send(new SeatReserved(organization, lyon, session, booking, members.get(index % members.size()),
                    "yoga", Instant.now().plus(Duration.ofDays(2)), 1, Instant.now()), session,
                    UUID.randomUUID().toString());
            sent.add(booking.toString());
        }
        return sent;
    }

    private void readAnswers(String bootstrapServers, AtomicBoolean reading) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor("palestra.subscriptions.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                    if (type.contains("CreditConsumed") || type.contains("CreditRefused")) {
                        answeredAt.putIfAbsent(record.key(), System.nanoTime());
                        answerType.putIfAbsent(record.key(), type);
                    }
                }
            }
        }
    }

    private void awaitAnswers(List<String> bookings) {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> bookings.stream().allMatch(answeredAt::containsKey));
    }

    private String latencies(List<String> bookings) {
        List<Double> millis = bookings.stream().map(booking -> (answeredAt.get(booking) - sentAt.get(booking)) / 1e6)
                .sorted().toList();
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 99));
    }

    private String count(List<String> bookings) {
        long consumed = bookings.stream().filter(booking -> answerType.get(booking).contains("CreditConsumed"))
                .count();
        return consumed + " CreditConsumed, " + (bookings.size() - consumed) + " CreditRefused";
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
