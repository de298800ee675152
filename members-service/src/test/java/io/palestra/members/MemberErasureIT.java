package io.palestra.members;

import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GDPR erasure through the API: nothing personal can be read back from the read models, the event store or the
 * member's published profile; the business facts stay.
 */
class MemberErasureIT extends MembersIntegrationTest {

    private static final List<String> PERSONAL = List.of("Hélène", "Lefèvre", "helene@example.org", "+33612345678",
            "1991-04-17", "Docteur Bouchut", "Knee injury", "Bon anniversaire");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    private UUID organization;
    private String member;
    private String manager;

    @BeforeEach
    void aMemberWithAFullRecord() {
        JsonNode chain = createOrganization("Erasure Club " + UUID.randomUUID(), "Main");
        organization = id(chain);
        manager = staff(organization, "manager");
        member = register(organization, siteId(chain, 0), "Hélène", "Lefèvre",
                "\"email\": \"helene@example.org\", \"phone\": \"+33612345678\", \"birthDate\": \"1991-04-17\"")
                .json().get("id").asString();
        http().put("/api/v1/members/" + member + "/addresses", """
                {"addresses": [{"label": "home", "line1": "17 rue du Docteur Bouchut", "city": "Lyon",
                 "country": "FR"}]}""").token(manager).send();
        http().put("/api/v1/members/" + member + "/front-desk", "{\"welcomeMessage\": \"Bon anniversaire !\"}")
                .token(manager).send();
        http().post("/api/v1/members/" + member + "/notes", "{\"text\": \"Knee injury in 2025\"}").token(manager).send();
    }

    @Test
    void erasesEveryPersonalTraceAndKeepsTheBusinessFacts() {
        Http.Response erased = http().post("/api/v1/members/" + member + "/anonymization",
                "{\"confirmation\": \"000001\"}").token(manager).send();

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        JsonNode record = http().get("/api/v1/members/" + member).token(manager).send().json();
        assertThat(record.get("status").asString()).isEqualTo("anonymized");
        assertThat(record.get("memberCode").asString()).isEqualTo("000001");
        assertThat(record.get("registeredAt").isNull()).isFalse();
        assertThat(record.toString()).doesNotContain(PERSONAL);
        assertThat(http().get("/api/v1/members/" + member + "/notes").token(manager).send().json()).isEmpty();
        assertThat(http().get("/api/v1/members?q=lefevre").token(manager).send().json().get("items")).isEmpty();
        assertThat(http().get("/api/v1/members?status=anonymized&q=000001").token(manager).send().json()
                .get("items").findValuesAsString("id")).containsExactly(member);

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM member_view WHERE member_id = ?")
                .param(UUID.fromString(member)).query().listOfRows();
        assertThat(rows.toString()).doesNotContain(PERSONAL);
        assertThat(jdbc.sql("SELECT count(*) FROM member_note WHERE member_id = ?").param(UUID.fromString(member))
                .query(Long.class).single()).isZero();

        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(member).asStream().toList();
        assertThat(history).hasSizeGreaterThan(4);
        assertThat(history.stream().map(event -> String.valueOf(event.getPayload())).toList().toString())
                .doesNotContain(PERSONAL);
        assertThat(((MemberRegistered) history.get(0).getPayload()).memberCode()).isEqualTo("000001");
        List<byte[]> payloads = jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?")
                .param(member).query(byte[].class).list();
        payloads.forEach(payload -> assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain(PERSONAL));
    }

    @Test
    void tellsOtherServicesAndTombstonesTheProfile() {
        http().post("/api/v1/members/" + member + "/anonymization", "{\"confirmation\": \"000001\"}")
                .token(manager).send();

        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events");
             TopicReader profiles = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
                     "palestra.members.profiles")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.matching(record -> member.equals(record.key())
                    && "palestra.members.MemberAnonymized.v1".equals(header(record, "ce_type"))).size() == 1);
            ConsumerRecord<String, byte[]> tombstone = await().atMost(Duration.ofSeconds(30)).until(
                    () -> profiles.matching(record -> member.equals(record.key()) && record.value() == null),
                    found -> !found.isEmpty()).get(0);
            assertThat(header(tombstone, "ce_type")).isEqualTo("palestra.members.MemberProfileErased.v1");
            assertThat(header(tombstone, "ce_organizationid")).isEqualTo(organization.toString());
        }
    }

    @Test
    void onlyAManagerErasesAndOnlyWithTheMembersCode() {
        assertThat(http().post("/api/v1/members/" + member + "/anonymization", "{\"confirmation\": \"000001\"}")
                .token(staff(organization, "front-desk")).send().status()).isEqualTo(403);
        Http.Response mismatch = http().post("/api/v1/members/" + member + "/anonymization",
                "{\"confirmation\": \"000002\"}").token(manager).send();
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().get("code").asString()).isEqualTo("confirmation-mismatch");
        assertThat(http().get("/api/v1/members/" + member).token(manager).send().json().get("lastName").asString())
                .isEqualTo("Lefèvre");
    }

    @Test
    void anErasedRecordCannotBeChanged() {
        http().post("/api/v1/members/" + member + "/anonymization", "{\"confirmation\": \"000001\"}")
                .token(manager).send();

        Http.Response refused = http().patch("/api/v1/members/" + member, "{\"lastName\": \"Back\"}")
                .token(manager).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("member-anonymized");
    }
}
