package io.palestra.local.platform;

import io.palestra.local.kafka.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The Kafka broker the services use: the embedded one, a process keeping its log in the data directory, or not. */
final class KafkaServer implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaBroker embedded;

    private KafkaServer(String bootstrapServers, KafkaBroker embedded) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
    }

    /** Creates the embedded broker without starting it, so that it can be stopped even if its start fails. */
    static KafkaServer prepare(Settings settings, Consumer<String> output) {
        if (settings.embeddedKafka()) {
            KafkaBroker broker = new KafkaBroker(settings.dataDirectory().resolve("kafka"), settings.ports().kafka(),
                    settings.ports().kafkaController(), BrokerClassPath.prepare(settings.dataDirectory()), output);
            return new KafkaServer(broker.bootstrapServers(), broker);
        }
        return new KafkaServer(settings.externalKafkaBootstrap(), null);
    }

    /** Starts the embedded broker, or checks that the external one answers, so services do not start in vain. */
    void start() {
        if (embedded != null) {
            embedded.start();
            return;
        }
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartupFailure("No Kafka broker answers at " + bootstrapServers
                    + " (PALESTRA_KAFKA_BOOTSTRAP): " + e.getMessage());
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String description() {
        return (embedded != null ? "embedded Kafka broker at " : "Kafka broker at ") + bootstrapServers;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
