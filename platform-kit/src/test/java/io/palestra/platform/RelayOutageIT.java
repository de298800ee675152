package io.palestra.platform;

import io.palestra.local.kafka.KafkaBroker;
import io.palestra.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost when Kafka is down: an event committed while the broker is stopped reaches the consumer once the
 * broker is back, and the consumer handles it exactly once. Uses a broker process of its own, really stopped.
 */
@DirtiesContext
class RelayOutageIT extends KitIntegrationTest {

    private static KafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> broker().bootstrapServers());
    }

    private static synchronized KafkaBroker broker() {
        if (broker == null) {
            try {
                broker = TestInfrastructure.ownKafkaBroker(Files.createTempDirectory("palestra-outage-kafka")).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anEventCommittedDuringABrokerOutageArrivesOnceAfterIt() {
        String before = eventOf(openClub("Before the outage"));
        await().atMost(Duration.ofSeconds(60)).until(() -> received(before) == 1);

        broker().stop();
        String during = eventOf(openClub("During the outage"));
        assertThat(received(during)).isZero();
        broker().start();

        await().atMost(Duration.ofSeconds(120)).until(() -> received(during) == 1);
        String after = eventOf(openClub("After the outage"));
        await().atMost(Duration.ofSeconds(60)).until(() -> received(after) == 1);
        assertThat(received(before)).isEqualTo(1);
        assertThat(received(during)).isEqualTo(1);
    }

    private String eventOf(String club) {
        return jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ?")
                .param(club).query(String.class).single();
    }

    private long received(String eventId) {
        return jdbc.sql("SELECT count(*) FROM received_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single();
    }
}
