package io.palestra.test;

import io.palestra.local.issuer.DevTokenIssuer;
import io.palestra.local.kafka.KafkaBroker;
import io.palestra.local.postgres.Databases;
import io.palestra.local.postgres.LocalPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The real PostgreSQL server, Kafka broker and token issuer that the tests of one JVM share, started on first use and
 * stopped at exit. With Docker they are Testcontainers; without it, an embedded PostgreSQL from Maven jars and
 * spring-kafka-test's KRaft broker. The choice is logged, and {@code -Dpalestra.test.infrastructure=embedded} forces
 * the embedded path.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static Boolean docker;
    private static Postgres postgres;
    private static String kafka;
    private static DevTokenIssuer tokens;

    private TestInfrastructure() {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = dockerAvailable() ? orEmbedded("PostgreSQL", TestInfrastructure::containerPostgres,
                    TestInfrastructure::embeddedPostgres) : embeddedPostgres();
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = dockerAvailable() ? orEmbedded("Kafka", TestInfrastructure::containerKafka,
                    TestInfrastructure::embeddedKafka) : embeddedKafka();
        }
        return kafka;
    }

    /** The token issuer every service under test trusts. */
    public static synchronized DevTokenIssuer tokens() {
        if (tokens == null) {
            tokens = DevTokenIssuer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(tokens::close, "test-issuer-stop"));
        }
        return tokens;
    }

    /** A new, empty database on {@link #postgres()}, named after {@code prefix}. */
    public static String createDatabase(String prefix) {
        Postgres server = postgres();
        String name = (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8));
        Databases.ensureExist(server.serverUrl(), server.user(), server.password(), List.of(name));
        return name;
    }

    /**
     * A Kafka broker of the test's own, run as a separate process from Kafka's server jar, that the test may stop and
     * start again (an outage) without touching the shared broker.
     */
    public static KafkaBroker ownKafkaBroker(Path directory) {
        return new KafkaBroker(directory, freePort(), freePort(), System.getProperty("java.class.path"),
                line -> log.debug("[kafka] {}", line));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        if (docker == null) {
            boolean forcedEmbedded = "embedded".equals(System.getProperty("palestra.test.infrastructure"));
            docker = !forcedEmbedded && DockerClientFactory.instance().isDockerAvailable();
            log.info(docker
                    ? "Test infrastructure: Docker is available, using Testcontainers (PostgreSQL 17, Apache Kafka)"
                    : "Test infrastructure: no Docker, using embedded PostgreSQL 17 (zonky) and spring-kafka-test's "
                    + "EmbeddedKafkaKraftBroker");
        }
        return docker;
    }

    /** A container when it starts; the embedded one when Docker is there but cannot run it (no image registry, say). */
    private static <T> T orEmbedded(String what, Supplier<T> container, Supplier<T> embedded) {
        try {
            return container.get();
        } catch (RuntimeException e) {
            log.warn("Docker is available but the {} container did not start ({}); using the embedded {} instead",
                    what, e.getMessage(), what);
            return embedded.get();
        }
    }

    private static Postgres containerPostgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
        log.info("Test PostgreSQL (Testcontainers) at {}", url);
        return new Postgres(url, container.getUsername(), container.getPassword());
    }

    private static Postgres embeddedPostgres() {
        Path directory = temporaryDirectory("palestra-test-pg");
        LocalPostgres server = LocalPostgres.start(directory, 0, LocalPostgres.Mode.THROWAWAY);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            TemporaryDirectories.delete(directory);
        }, "test-postgres-stop"));
        log.info("Test PostgreSQL (embedded) at {} with data in {}", server.serverUrl(), directory);
        return new Postgres(server.serverUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    private static String containerKafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.2.1");
        container.start();
        log.info("Test Kafka (Testcontainers) at {}", container.getBootstrapServers());
        return container.getBootstrapServers();
    }

    private static String embeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
        log.info("Test Kafka (embedded KRaft) at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    private static Path temporaryDirectory(String prefix) {
        TemporaryDirectories.sweepAbandoned(prefix);
        try {
            return Files.createTempDirectory(prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
