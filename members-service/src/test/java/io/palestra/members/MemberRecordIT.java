package io.palestra.members;

import io.palestra.events.members.MemberProfile;
import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keeping a member record up to date through the API, as the front desk does. */
class MemberRecordIT extends MembersIntegrationTest {

    private UUID organization;
    private String member;
    private String desk;

    @BeforeEach
    void aMember() {
        JsonNode chain = createOrganization("Record Club " + UUID.randomUUID(), "Main");
        organization = id(chain);
        member = register(organization, siteId(chain, 0), "Hélène", "Lefèvre",
                "\"email\": \"helene@example.org\", \"phone\": \"06 12 34 56 78\"").json().get("id").asString();
        desk = staff(organization, "front-desk");
    }

    @Test
    void patchesIdentityAndContactsAndFindsTheMemberByItsNewName() {
        Http.Response patched = http().patch("/api/v1/members/" + member, """
                {"lastName": "Lefebvre", "language": "fr", "phone": null, "email": "h.lefebvre@example.org"}""")
                .header("If-Match", "\"0\"").token(desk).send();

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("lastName").asString()).isEqualTo("Lefebvre");
        assertThat(patched.json().get("language").asString()).isEqualTo("fr");
        assertThat(patched.json().get("phone").isNull()).isTrue();
        assertThat(patched.header("ETag")).contains("\"2\"");
        JsonNode found = http().get("/api/v1/members?q=lefebvre").token(desk).send().json().get("items");
        assertThat(found.findValuesAsString("id")).containsExactly(member);
        assertThat(http().get("/api/v1/members?q=lefevre").token(desk).send().json().get("items")).isEmpty();
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        http().patch("/api/v1/members/" + member, "{\"firstName\": \"Lena\"}").token(desk).send();

        Http.Response stale = http().patch("/api/v1/members/" + member, "{\"firstName\": \"Helena\"}")
                .header("If-Match", "\"0\"").token(desk).send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(http().get("/api/v1/members/" + member).token(desk).send().json().get("firstName").asString())
                .isEqualTo("Lena");
    }

    @Test
    void refusesAWrongPatchFieldByField() {
        Http.Response refused = http().patch("/api/v1/members/" + member,
                "{\"firstName\": null, \"email\": \"nope\", \"shoeSize\": 42}").token(desk).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("firstName", "email", "shoeSize");
    }

    @Test
    void keepsAddressesEmergencyContactsAndFrontDeskInstructions() {
        assertThat(http().put("/api/v1/members/" + member + "/addresses", """
                {"addresses": [{"label": "home", "line1": "17 rue du Docteur Bouchut", "postalCode": "69003",
                                "city": "Lyon", "country": "FR"}]}""").token(desk).send().status()).isEqualTo(200);
        assertThat(http().put("/api/v1/members/" + member + "/emergency-contacts", """
                {"contacts": [{"name": "Paul Lefèvre", "relationship": "brother", "phone": "06 11 22 33 44"}]}""")
                .token(desk).send().status()).isEqualTo(200);
        Http.Response frontDesk = http().put("/api/v1/members/" + member + "/front-desk",
                "{\"welcomeMessage\": \"Bon anniversaire !\", \"alert\": \"Mandate missing\"}").token(desk).send();

        JsonNode record = frontDesk.json();
        assertThat(record.get("addresses").get(0).get("city").asString()).isEqualTo("Lyon");
        assertThat(record.get("emergencyContacts").get(0).get("phone").asString()).isEqualTo("+33611223344");
        assertThat(record.get("frontDesk").get("welcomeMessage").asString()).isEqualTo("Bon anniversaire !");
        assertThat(record.get("frontDesk").get("alert").asString()).isEqualTo("Mandate missing");
        assertThat(frontDesk.header("ETag")).contains("\"3\"");
    }

    @Test
    void showsTheMedicalCertificateAsMissingValidOrExpired() {
        assertThat(certificate().get("status").asString()).isEqualTo("missing");

        http().put("/api/v1/members/" + member + "/medical-certificate",
                "{\"validUntil\": \"" + LocalDate.now().plusMonths(6) + "\"}").token(desk).send();
        assertThat(certificate().get("status").asString()).isEqualTo("valid");

        http().put("/api/v1/members/" + member + "/medical-certificate",
                "{\"validUntil\": \"2020-01-31\"}").token(desk).send();
        assertThat(certificate().get("status").asString()).isEqualTo("expired");
        assertThat(certificate().get("validUntil").asString()).isEqualTo("2020-01-31");

        assertThat(http().delete("/api/v1/members/" + member + "/medical-certificate").token(desk).send().status())
                .isEqualTo(200);
        assertThat(certificate().get("status").asString()).isEqualTo("missing");
    }

    @Test
    void keepsInternalNotesForStaffOnly() {
        Http.Response added = http().post("/api/v1/members/" + member + "/notes",
                "{\"text\": \"Prefers morning classes\"}").token(desk).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String note = added.json().get("id").asString();
        http().post("/api/v1/members/" + member + "/notes", "{\"text\": \"Knee injury in 2025\"}").token(desk).send();

        Http.Response edited = http().put("/api/v1/members/" + member + "/notes/" + note,
                "{\"text\": \"Prefers evening classes\"}").token(staff(organization, "manager")).send();
        assertThat(edited.json().get("editedBy").asString()).isEqualTo("alice");

        List<String> texts = http().get("/api/v1/members/" + member + "/notes").token(desk).send().json()
                .findValuesAsString("text");
        assertThat(texts).containsExactly("Knee injury in 2025", "Prefers evening classes");
        assertThat(http().delete("/api/v1/members/" + member + "/notes/" + note).token(desk).send().status())
                .isEqualTo(204);
        assertThat(http().get("/api/v1/members/" + member + "/notes").token(desk).send().json()).hasSize(1);
        assertThat(http().delete("/api/v1/members/" + member + "/notes/" + note).token(desk).send().status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/members/" + member + "/notes").token(staff(organization, "coach")).send()
                .status()).isEqualTo(403);
    }

    @Test
    void anotherOrganisationCannotChangeTheRecord() {
        Http.Response refused = http().patch("/api/v1/members/" + member, "{\"lastName\": \"Hacked\"}")
                .token(staff(UUID.randomUUID(), "owner")).send();

        assertThat(refused.status()).isEqualTo(404);
        assertThat(http().get("/api/v1/members/" + member).token(desk).send().json().get("lastName").asString())
                .isEqualTo("Lefèvre");
    }

    @Test
    void publishesTheChangedProfile() {
        http().patch("/api/v1/members/" + member, "{\"lastName\": \"Lefebvre\"}").token(desk).send();

        try (TopicReader profiles = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
                "palestra.members.profiles")) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                    () -> profiles.matching(record -> member.equals(record.key())), found -> found.size() >= 2);
            MemberProfile latest = JsonMapper.builder().build()
                    .readValue(records.get(records.size() - 1).value(), MemberProfile.class);
            assertThat(latest.lastName()).isEqualTo("Lefebvre");
            assertThat(latest.phone()).isEqualTo("+33612345678");
        }
    }

    private JsonNode certificate() {
        return http().get("/api/v1/members/" + member).token(desk).send().json().get("medicalCertificate");
    }
}
