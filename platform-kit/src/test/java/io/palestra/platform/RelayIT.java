package io.palestra.platform;

import io.palestra.events.members.OrganizationCreated;
import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RelayIT extends KitIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private TopicReader events;

    @BeforeEach
    void read() {
        events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events");
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void publishesACommittedEventAsABinaryCloudEventKeyedByAggregate() {
        Http.Response created = http().post("/api/v1/clubs", "{\"name\": \"Published\"}")
                .header("X-Correlation-Id", "relay-test-1").token(token("manager")).send();
        String club = created.json().get("clubId").asString();
        String eventId = jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ?")
                .param(club).query(String.class).single();

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.matching(r -> club.equals(r.key())), found -> !found.isEmpty()).get(0);

        assertThat(header(record, "ce_id")).isEqualTo(eventId);
        assertThat(header(record, "ce_type")).isEqualTo("palestra.members.OrganizationCreated.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/palestra/members");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_subject")).isEqualTo(club);
        assertThat(header(record, "ce_sequence")).isEqualTo("0");
        assertThat(header(record, "ce_organizationid")).isEqualTo(club);
        assertThat(header(record, "ce_correlationid")).isEqualTo("relay-test-1");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(header(record, "traceparent")).isEqualTo(header(record, "ce_traceparent"));
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        OrganizationCreated value = JsonMapper.builder().build().readValue(record.value(), OrganizationCreated.class);
        assertThat(value.name()).isEqualTo("Published");
    }

    @Test
    void keepsTheOrderOfOneAggregatesEvents() {
        String club = openClub("Order 0");
        for (int version = 0; version < 5; version++) {
            Http.Response renamed = http().put("/api/v1/clubs/" + club + "/name",
                            "{\"name\": \"Order " + (version + 1) + "\"}")
                    .header("If-Match", "\"" + version + "\"").token(token("manager")).send();
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        }

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.matching(r -> club.equals(r.key())), found -> found.size() >= 6);

        assertThat(records.stream().map(record -> header(record, "ce_sequence")).distinct().toList())
                .containsExactly("0", "1", "2", "3", "4", "5");
    }

    @Test
    void readsItsOwnWritesAtOnce() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String club = openClub("Read at once " + attempt);
            Http.Response read = http().get("/api/v1/clubs/" + club).token(token("front-desk")).send();
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.header("ETag")).contains("\"0\"");
        }
    }

    @Test
    void aConsumerHandlesEachPublishedEventOnce() {
        String club = openClub("Consumed once");
        String eventId = jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ?")
                .param(club).query(String.class).single();

        await().atMost(Duration.ofSeconds(30)).until(() -> received(eventId) == 1);
    }

    private long received(String eventId) {
        return jdbc.sql("SELECT count(*) FROM received_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single();
    }
}
