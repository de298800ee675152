package io.palestra.platform;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbox: effects once per event id, failures retried then parked on the DLT while the partition goes on. */
class InboxIT extends KitIntegrationTest {

    private static final String TOPIC = "palestra.test.inbox";

    @Autowired
    JdbcClient jdbc;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aRedeliveredRecordChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        send(id, "club-1");
        send(id, "club-1");
        String marker = UUID.randomUUID().toString();
        send(marker, "club-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> received(marker) == 1);
        assertThat(received(id)).isEqualTo(1);
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAndThePartitionGoesOn() throws Exception {
        String poison = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        send(poison, "poison");
        send(next, "poison-neighbour");

        await().atMost(Duration.ofSeconds(60)).until(() -> received(next) == 1);
        try (TopicReader deadLetters = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), TOPIC + ".DLT")) {
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> deadLetters.matching(record -> poison.equals(header(record, "ce_id"))).size() == 1);
            var parked = deadLetters.matching(record -> poison.equals(header(record, "ce_id"))).get(0);
            assertThat(header(parked, "kafka_dlt-exception-message")).contains("can never be handled");
            assertThat(header(parked, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        }
        assertThat(received(poison)).isZero();
    }

    @Test
    void anEffectThatFailsRollsBackWithItsInboxRecord() throws Exception {
        String failing = UUID.randomUUID().toString();
        send(failing, "fail-after-effect");

        try (TopicReader deadLetters = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), TOPIC + ".DLT")) {
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> !deadLetters.matching(record -> failing.equals(header(record, "ce_id"))).isEmpty());
        }
        assertThat(received(failing)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_handled_event WHERE event_id = ?").param(failing)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRecordThatIsNoCloudEventGoesStraightToTheDeadLetterTopic() throws Exception {
        String key = "not-a-cloud-event-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(TOPIC, key, "{}".getBytes(StandardCharsets.UTF_8))).get();

        try (TopicReader deadLetters = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), TOPIC + ".DLT")) {
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> !deadLetters.matching(record -> key.equals(record.key())).isEmpty());
        }
    }

    private void send(String id, String subject) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(TOPIC, headers, CloudEventBuilder.v1()
                .withId(id).withType("palestra.test.Something.v1").withSource(URI.create("/palestra/test"))
                .withSubject(subject).withTime(OffsetDateTime.now())
                .withExtension("organizationid", ORGANIZATION.toString())
                .withDataContentType("application/json").withData("{}".getBytes(StandardCharsets.UTF_8))
                .build());
        producer.send(new ProducerRecord<>(TOPIC, null, subject, value, headers)).get();
    }

    private long received(String eventId) {
        return jdbc.sql("SELECT count(*) FROM received_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single();
    }
}
