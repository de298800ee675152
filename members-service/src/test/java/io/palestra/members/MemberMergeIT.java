package io.palestra.members;

import io.palestra.events.members.MembersMerged;
import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Duplicate suggestions and merges through the API: the survivor takes over, the duplicate redirects to it. */
class MemberMergeIT extends MembersIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UUID organization;
    private UUID site;
    private String manager;
    private String desk;

    @BeforeEach
    void aClub() {
        JsonNode club = createOrganization("Merge Club " + UUID.randomUUID(), "Lille");
        organization = id(club);
        site = siteId(club, 0);
        manager = staff(organization, "manager");
        desk = staff(organization, "front-desk");
    }

    @Test
    void theSurvivorTakesOverTheDuplicateWhichThenAnswersAsTheSurvivor() {
        String survivor = member("Camille", "Durand", "\"birthDate\": \"1990-04-02\"");
        String duplicate = member("Camille", "Durand",
                "\"email\": \"camille@example.org\", \"phone\": \"+33612345678\"");
        String friend = member("Léa", "Martin", "");
        String tag = defineTag(organization, "Pilates", null);
        assertThat(http().put("/api/v1/members/" + duplicate + "/tags/" + tag, "").token(desk).send().status())
                .isEqualTo(200);
        assertThat(http().post("/api/v1/members/" + duplicate + "/notes", "{\"text\": \"Knee surgery in May\"}")
                .token(desk).send().status()).isEqualTo(201);
        assertThat(http().post("/api/v1/members/" + duplicate + "/relations",
                "{\"memberId\": \"" + friend + "\", \"kind\": \"sponsor\"}").token(desk).send().status())
                .isEqualTo(201);
        Instant lastMonth = Instant.now().minus(Duration.ofDays(30));
        consents(survivor, "{\"channel\": \"sms\", \"granted\": true, \"source\": \"desk\"}");
        consents(duplicate, "{\"channel\": \"sms\", \"granted\": false, \"source\": \"paper\", \"decidedAt\": \""
                + lastMonth + "\"}, {\"channel\": \"email\", \"granted\": true, \"source\": \"app\"}");

        Http.Response merged = merge(survivor, duplicate, manager);

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode record = merged.json();
        assertThat(record.get("id").asString()).isEqualTo(survivor);
        assertThat(record.get("email").asString()).isEqualTo("camille@example.org");
        assertThat(record.get("phone").asString()).isEqualTo("+33612345678");
        assertThat(record.get("birthDate").asString()).isEqualTo("1990-04-02");
        assertThat(record.get("tags").findValuesAsString("name")).containsExactly("Pilates");
        assertThat(record.get("relations").findValuesAsString("memberId")).containsExactly(friend);
        assertThat(consent(record, "sms").get("granted").asBoolean()).as("the more recent decision").isTrue();
        assertThat(consent(record, "email").get("granted").asBoolean()).isTrue();
        assertThat(http().get("/api/v1/members/" + survivor + "/notes").token(desk).send().json()
                .findValuesAsString("text")).containsExactly("Knee surgery in May");
        assertThat(http().get("/api/v1/members/" + friend).token(desk).send().json().get("relations")
                .findValuesAsString("memberId")).containsExactly(survivor);

        Http.Response redirected = http().get("/api/v1/members/" + duplicate).token(desk).send();
        assertThat(redirected.status()).isEqualTo(200);
        assertThat(redirected.json().get("id").asString()).isEqualTo(survivor);
        assertThat(redirected.header("Content-Location")).contains("/api/v1/members/" + survivor);
        assertThat(listed("active", "Durand")).containsExactly(survivor);
        JsonNode gone = http().get("/api/v1/members?status=merged&q=Durand").token(desk).send().json()
                .get("items").get(0);
        assertThat(gone.get("id").asString()).isEqualTo(duplicate);
        assertThat(gone.get("mergedInto").asString()).isEqualTo(survivor);

        Http.Response changeTheDuplicate = http().patch("/api/v1/members/" + duplicate, "{\"firstName\": \"Cam\"}")
                .token(desk).send();
        assertThat(changeTheDuplicate.status()).isEqualTo(422);
        assertThat(changeTheDuplicate.json().get("code").asString()).isEqualTo("member-merged");
    }

    @Test
    void publishesTheMergeKeyedByTheDuplicateAndTombstonesItsProfile() {
        String survivor = member("Nina", "Roux", "");
        String duplicate = member("Nina", "Roux", "\"email\": \"nina@example.org\"");

        assertThat(merge(survivor, duplicate, manager).status()).isEqualTo(200);

        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events");
             TopicReader profiles = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
                     "palestra.members.profiles")) {
            ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> duplicate.equals(record.key())
                            && "palestra.members.MembersMerged.v1".equals(header(record, "ce_type"))),
                    found -> !found.isEmpty()).get(0);
            MembersMerged published = JSON.readValue(event.value(), MembersMerged.class);
            assertThat(published.survivorId().toString()).isEqualTo(survivor);
            assertThat(published.organizationId()).isEqualTo(organization);
            List<ConsumerRecord<String, byte[]>> duplicateProfile = await().atMost(Duration.ofSeconds(30)).until(
                    () -> profiles.matching(record -> duplicate.equals(record.key())),
                    found -> !found.isEmpty() && found.get(found.size() - 1).value() == null);
            assertThat(duplicateProfile.get(duplicateProfile.size() - 1).value()).isNull();
        }
    }

    @Test
    void suggestsRecordsSharingAnEmailAPhoneOrANameAndBirthDate() {
        String first = member("Hélène", "Lefèvre", "\"email\": \"HELENE@example.org\", \"birthDate\": \"1985-01-31\"");
        String second = member("Helene", "LEFEVRE", "\"email\": \"helene@example.org\", \"birthDate\": \"1985-01-31\"");
        String third = member("Marc", "Petit", "\"phone\": \"+33611112222\"");
        String fourth = member("Marcel", "Petit", "\"phone\": \"+33611112222\"");
        member("Someone", "Else", "\"email\": \"else@example.org\"");

        JsonNode groups = http().get("/api/v1/members/duplicates").token(desk).send().json().get("items");

        assertThat(groups).hasSize(3);
        assertThat(group(groups, "same-email")).containsExactly(first, second);
        assertThat(group(groups, "same-name-and-birth-date")).containsExactly(first, second);
        assertThat(group(groups, "same-phone")).containsExactly(third, fourth);

        merge(first, second, manager);
        JsonNode after = http().get("/api/v1/members/duplicates").token(desk).send().json().get("items");
        assertThat(after).hasSize(1);
        assertThat(group(after, "same-phone")).containsExactly(third, fourth);
        assertThat(http().get("/api/v1/members/duplicates").token(staff(UUID.randomUUID(), "manager")).send().json()
                .get("items")).isEmpty();
        assertThat(http().get("/api/v1/members/duplicates").token(staff(organization, "coach")).send().status())
                .isEqualTo(403);
    }

    @Test
    void refusedMergesChangeNothing() {
        String survivor = member("Paul", "Blanc", "");
        String duplicate = member("Paul", "Blanc", "\"email\": \"paul@example.org\"");
        String child = member("Jules", "Blanc", "");
        http().post("/api/v1/members/" + child + "/household", "").token(desk).send();
        JsonNode before = http().get("/api/v1/members/" + survivor).token(desk).send().json();

        assertThat(merge(survivor, duplicate, desk).status()).isEqualTo(403);
        assertProblem(merge(survivor, survivor, manager), 422, "self-merge");
        assertProblem(merge(survivor, child, manager), 422, "duplicate-in-household");
        assertThat(merge(survivor, UUID.randomUUID().toString(), manager).status()).isEqualTo(404);
        assertThat(merge(survivor, duplicate, staff(UUID.randomUUID(), "owner")).status()).isEqualTo(404);
        assertProblem(http().post("/api/v1/members/" + survivor + "/merge", "{}").token(manager).send(), 400,
                "validation-failed");

        JsonNode after = http().get("/api/v1/members/" + survivor).token(desk).send().json();
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(http().get("/api/v1/members/" + duplicate).token(desk).send().json().get("id").asString())
                .isEqualTo(duplicate);

        assertThat(merge(survivor, duplicate, manager).status()).isEqualTo(200);
        assertProblem(merge(survivor, duplicate, manager), 422, "member-merged");
    }

    @Test
    void erasingTheSurvivorErasesTheRecordsMergedIntoIt() {
        String survivor = member("Zoé", "Garnier", "");
        String duplicate = member("Zoé", "Garnier", "\"email\": \"zoe@example.org\"");
        merge(survivor, duplicate, manager);
        String code = http().get("/api/v1/members/" + survivor).token(desk).send().json().get("memberCode")
                .asString();

        Http.Response erased = http().post("/api/v1/members/" + survivor + "/anonymization",
                "{\"confirmation\": \"" + code + "\"}").token(manager).send();

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        JsonNode mergedRow = http().get("/api/v1/members?status=merged").token(desk).send().json().get("items")
                .get(0);
        assertThat(mergedRow.get("id").asString()).isEqualTo(duplicate);
        assertThat(mergedRow.get("firstName").isNull()).isTrue();
        assertThat(mergedRow.get("email").isNull()).isTrue();
        assertThat(http().get("/api/v1/members?status=any&q=zoe").token(desk).send().json().get("items")).isEmpty();
    }

    private String member(String firstName, String lastName, String extra) {
        Http.Response registered = register(organization, site, firstName, lastName, extra);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private Http.Response merge(String survivor, String duplicate, String token) {
        return http().post("/api/v1/members/" + survivor + "/merge", "{\"duplicateId\": \"" + duplicate + "\"}")
                .token(token).send();
    }

    private void consents(String member, String decisions) {
        Http.Response recorded = http().post("/api/v1/members/" + member + "/consents",
                "{\"decisions\": [" + decisions + "]}").token(desk).send();
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
    }

    private static JsonNode consent(JsonNode record, String channel) {
        for (JsonNode consent : record.get("consents")) {
            if (channel.equals(consent.get("channel").asString())) {
                return consent;
            }
        }
        throw new AssertionError("no " + channel + " consent in " + record.get("consents"));
    }

    private List<String> listed(String status, String q) {
        List<String> ids = new ArrayList<>();
        http().get("/api/v1/members?status=" + status + "&q=" + q).token(desk).send().json().get("items")
                .forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> group(JsonNode groups, String reason) {
        for (JsonNode group : groups) {
            if (reason.equals(group.get("reason").asString())) {
                List<String> ids = new ArrayList<>();
                group.get("members").forEach(member -> ids.add(member.get("id").asString()));
                return ids;
            }
        }
        throw new AssertionError("no " + reason + " group in " + groups);
    }
}
