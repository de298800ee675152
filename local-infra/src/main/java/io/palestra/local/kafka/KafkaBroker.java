package io.palestra.local.kafka;

import io.palestra.local.process.ChildProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one node), run from Kafka's own server jar as a separate
 * process. Its log directory survives a restart; {@link #stop()} and {@link #start()} again behave like an outage
 * of a real broker, ports and data unchanged.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final Consumer<String> output;
    private ChildProcess process;

    /**
     * @param directory      where the broker keeps its configuration and logs
     * @param port           the client port ({@code PLAINTEXT})
     * @param controllerPort the KRaft controller port
     * @param classpath      a class path holding {@code kafka_2.13} and its dependencies
     * @param output         receives the broker's log lines
     */
    public KafkaBroker(Path directory, int port, int controllerPort, String classpath, Consumer<String> output) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.output = output;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the storage on first use, starts the broker and waits until it answers clients. */
    public synchronized KafkaBroker start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        Path config = writeConfiguration();
        if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
            format(config);
        }
        process = ChildProcess.startJava("kafka", jvmArguments(),
                List.of("-cp", classpath, "kafka.Kafka", config.toString()), Map.of(), directory, output);
        awaitReady();
        return this;
    }

    /** Stops the broker cleanly, keeping its data. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private List<String> jvmArguments() {
        return List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + writeLoggingConfiguration(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true");
    }

    private void format(Path config) {
        String clusterId = Uuid.randomUuid().toString();
        int exit = ChildProcess.runJava("kafka-storage", jvmArguments(),
                List.of("-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
                directory, output, Duration.ofMinutes(2));
        if (exit != 0) {
            throw new IllegalStateException("Formatting the Kafka storage in " + directory + " failed (exit " + exit + ")");
        }
    }

    private Path writeConfiguration() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", directory.resolve("data").toString());
        properties.put("num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("server.properties");
            try (var writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Written by Palestra's KafkaBroker; rewritten at every start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeLoggingConfiguration() {
        Path file = directory.resolve("logback-broker.xml");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="out"/></root>
                    </configuration>
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited with code " + process.exitValue()
                            + " during startup; see its output above");
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("The Kafka broker did not answer within " + STARTUP_TIMEOUT);
                    }
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
