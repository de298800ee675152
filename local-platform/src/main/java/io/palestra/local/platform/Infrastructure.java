package io.palestra.local.platform;

import io.palestra.local.issuer.DevTokenIssuer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the services need before they start: PostgreSQL with their databases, Kafka and the token issuer. The three
 * start at once, as they need nothing of each other; each is handed to the platform as soon as it runs, so that a
 * failure of one still stops the others.
 */
record Infrastructure(PostgresServer postgres, KafkaServer kafka, DevTokenIssuer issuer) {

    static Infrastructure start(Settings settings, RunningPlatform platform, Output output) {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(
                    () -> startPostgres(settings, platform, output), executor);
            CompletableFuture<KafkaServer> kafka = CompletableFuture.supplyAsync(
                    () -> startKafka(settings, platform, output), executor);
            CompletableFuture<DevTokenIssuer> issuer = CompletableFuture.supplyAsync(
                    () -> startIssuer(settings, platform, output), executor);
            CompletableFuture.allOf(postgres, kafka, issuer).exceptionally(failure -> null).join();
            return new Infrastructure(outcome(postgres), outcome(kafka), outcome(issuer));
        } finally {
            executor.shutdown();
        }
    }

    private static PostgresServer startPostgres(Settings settings, RunningPlatform platform, Output output) {
        long begin = System.nanoTime();
        PostgresServer postgres = PostgresServer.start(settings);
        platform.parts().add(postgres);
        int created = postgres.prepareDatabases(settings.freshData());
        output.say("PostgreSQL ready in " + Durations.format(Durations.since(begin)) + ": " + postgres.description()
                + (created > 0 ? ", " + created + " database(s) created" : ""));
        return postgres;
    }

    private static KafkaServer startKafka(Settings settings, RunningPlatform platform, Output output) {
        long begin = System.nanoTime();
        RecentLines recent = new RecentLines();
        KafkaServer kafka = KafkaServer.prepare(settings, output.child("kafka", recent));
        platform.parts().add(kafka);
        try {
            kafka.start();
        } catch (IllegalStateException e) {
            throw new StartupFailure(e.getMessage(), "the Kafka broker", recent.snapshot(), e);
        }
        output.say("Kafka ready in " + Durations.format(Durations.since(begin)) + ": " + kafka.description());
        return kafka;
    }

    private static DevTokenIssuer startIssuer(Settings settings, RunningPlatform platform, Output output) {
        long begin = System.nanoTime();
        DevTokenIssuer issuer = DevTokenIssuer.start(settings.ports().issuer());
        platform.parts().add(issuer);
        output.say("Token issuer ready in " + Durations.format(Durations.since(begin)) + " at " + issuer.issuer());
        return issuer;
    }

    /** The step's result, or its own exception rather than the future's wrapper. */
    private static <T> T outcome(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }
}
