package io.palestra.members;

import io.palestra.events.members.MemberConsentChanged;
import io.palestra.events.members.TagCatalogChanged;
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

/** Tags and consents, from the organisation's settings to the member record, through the API. */
class MemberTagsAndConsentsIT extends MembersIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UUID organization;
    private String owner;
    private String desk;
    private String member;

    @BeforeEach
    void aMemberAndItsOrganisation() {
        JsonNode chain = createOrganization("Tagged Club " + UUID.randomUUID(), "Main");
        organization = id(chain);
        owner = staff(organization, "owner");
        desk = staff(organization, "front-desk");
        member = register(organization, siteId(chain, 0), "Hélène", "Lefèvre",
                "\"email\": \"helene@example.org\"").json().get("id").asString();
    }

    @Test
    void ownersDefineCategoriesWithSubCategories() {
        String sport = defineTag(organization, "Sport principal", null);
        defineTag(organization, "Yoga", sport);
        defineTag(organization, "Cross-Fit", sport);
        defineTag(organization, "VIP", null);

        JsonNode tree = http().get(tags()).token(desk).send().json();
        assertThat(tree.get("categories").findValuesAsString("name"))
                .containsExactly("Sport principal", "Cross-Fit", "Yoga", "VIP");
        Http.Response taken = http().post(tags(), "{\"name\": \"yoga\", \"parentId\": \"" + sport + "\"}")
                .token(owner).send();
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().get("type").asString()).isEqualTo("urn:palestra:problem:tag-name-taken");
        assertThat(http().post(tags(), "{\"name\": \"Boxe\"}").token(desk).send().status()).isEqualTo(403);
        assertThat(http().get(tags()).token(staff(UUID.randomUUID(), "owner")).send().status()).isEqualTo(404);
        Http.Response renamed = http().patch(tags() + "/" + sport, "{\"name\": \"Sport\"}").token(owner).send();
        assertThat(renamed.json().get("categories").get(0).get("name").asString()).isEqualTo("Sport");
    }

    @Test
    void staffFileAMemberUnderTagsAndDeletingACategoryUntagsItsMembers() {
        String sport = defineTag(organization, "Sport principal", null);
        String yoga = defineTag(organization, "Yoga", sport);
        String vip = defineTag(organization, "VIP", null);

        Http.Response tagged = http().put("/api/v1/members/" + member + "/tags/" + yoga, "").token(desk).send();
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        http().put("/api/v1/members/" + member + "/tags/" + vip, "").token(desk).send();
        JsonNode memberTags = record().get("tags");
        assertThat(memberTags.findValuesAsString("name")).containsExactly("Yoga", "VIP");
        assertThat(memberTags.get(0).get("categoryName").asString()).isEqualTo("Sport principal");
        Http.Response unknown = http().put("/api/v1/members/" + member + "/tags/" + UUID.randomUUID(), "")
                .token(desk).send();
        assertThat(unknown.status()).isEqualTo(422);

        assertThat(http().delete(tags() + "/" + sport).token(owner).send().status()).isEqualTo(204);

        assertThat(record().get("tags").findValuesAsString("name")).containsExactly("VIP");
        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.matching(record -> member.equals(record.key())
                    && "palestra.members.MemberUntagged.v1".equals(header(record, "ce_type"))), found -> !found.isEmpty());
            List<ConsumerRecord<String, byte[]>> catalogs = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> organization.toString().equals(record.key())
                            && "palestra.members.TagCatalogChanged.v1".equals(header(record, "ce_type"))),
                    found -> found.size() == 4);
            TagCatalogChanged latest = JSON.readValue(catalogs.get(3).value(), TagCatalogChanged.class);
            assertThat(latest.tags()).extracting(TagCatalogChanged.TagDefinition::name).containsExactly("VIP");
        }
        Http.Response untagged = http().delete("/api/v1/members/" + member + "/tags/" + vip).token(desk).send();
        assertThat(untagged.json().get("tags")).isEmpty();
    }

    @Test
    void recordsConsentsWithTheirSourceAndExportsTheOptedInEmails() {
        String newsletter = definePreference(organization, "Newsletter");
        Http.Response recorded = consents("""
                {"decisions": [{"channel": "email", "granted": true, "source": "paper-form"},
                               {"preferenceId": "%s", "granted": true, "source": "paper-form"}]}""".formatted(newsletter));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().get("consents").findValuesAsString("source")).containsOnly("paper-form");
        assertThat(optedIn(newsletter)).hasSize(2).element(1).asString().startsWith("helene@example.org,Hélène,Lefèvre,");

        Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
        consents("""
                {"decisions": [{"preferenceId": "%s", "granted": false, "source": "app"}]}""".formatted(newsletter));
        consents("""
                {"decisions": [{"preferenceId": "%s", "granted": true, "source": "import", "decidedAt": "%s"}]}"""
                .formatted(newsletter, lastWeek));

        JsonNode inForce = record().get("consents");
        assertThat(inForce).hasSize(2);
        assertThat(inForce.get(1).get("preferenceName").asString()).isEqualTo("Newsletter");
        assertThat(inForce.get(1).get("granted").asBoolean()).isFalse();
        assertThat(optedIn(newsletter)).hasSize(1);
        JsonNode history = http().get("/api/v1/members/" + member + "/consents/history").token(desk).send().json();
        assertThat(history.findValuesAsString("source")).containsExactly("import", "app", "paper-form", "paper-form");
        assertThat(history.get(0).get("recordedBy").asString()).isEqualTo("alice");
    }

    @Test
    void refusesAWrongDecisionAndRecordsNothing() {
        String newsletter = definePreference(organization, "Newsletter");
        Http.Response both = consents("""
                {"decisions": [{"channel": "sms", "granted": true, "source": "app"},
                               {"channel": "email", "preferenceId": "%s", "granted": true, "source": "app"}]}"""
                .formatted(newsletter));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").findValuesAsString("field")).containsExactly("decisions[1]");
        Http.Response future = consents("""
                {"decisions": [{"channel": "sms", "granted": true, "source": "app", "decidedAt": "%s"}]}"""
                .formatted(Instant.now().plus(Duration.ofDays(1))));
        assertThat(future.status()).isEqualTo(400);
        Http.Response channel = consents("{\"decisions\": [{\"channel\": \"fax\", \"granted\": true, \"source\": \"app\"}]}");
        assertThat(channel.status()).isEqualTo(400);
        Http.Response unknown = consents("""
                {"decisions": [{"channel": "sms", "granted": true, "source": "app"},
                               {"preferenceId": "%s", "granted": true, "source": "app"}]}""".formatted(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("type").asString())
                .isEqualTo("urn:palestra:problem:unknown-marketing-preference");

        assertThat(record().get("consents")).isEmpty();
        assertThat(http().get("/api/v1/members/" + member + "/consents/history").token(desk).send().json()).isEmpty();
    }

    @Test
    void aRetiredPreferenceLeavesTheRecordAndPublishesTheNewList() {
        String newsletter = definePreference(organization, "Newsletter");
        String offers = definePreference(organization, "Partner offers");
        consents("""
                {"decisions": [{"preferenceId": "%s", "granted": true, "source": "app"}]}""".formatted(newsletter));

        assertThat(http().delete(preferences() + "/" + newsletter).token(owner).send().status()).isEqualTo(204);

        assertThat(record().get("consents")).isEmpty();
        assertThat(http().get(preferences()).token(desk).send().json().findValuesAsString("name"))
                .containsExactly("Partner offers");
        assertThat(http().get(preferences() + "?includeRetired=true").token(desk).send().json()
                .findValuesAsString("name")).containsExactly("Newsletter", "Partner offers");
        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events")) {
            ConsumerRecord<String, byte[]> consent = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> member.equals(record.key())
                            && "palestra.members.MemberConsentChanged.v1".equals(header(record, "ce_type"))),
                    found -> !found.isEmpty()).get(0);
            MemberConsentChanged changed = JSON.readValue(consent.value(), MemberConsentChanged.class);
            assertThat(changed.preferenceId().toString()).isEqualTo(newsletter);
            assertThat(changed.channel()).isNull();
            List<ConsumerRecord<String, byte[]>> lists = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> organization.toString().equals(record.key())
                            && "palestra.members.MarketingPreferencesChanged.v1".equals(header(record, "ce_type"))),
                    found -> found.size() == 3);
            assertThat(new String(lists.get(2).value())).contains(offers).doesNotContain(newsletter);
        }
    }

    private String tags() {
        return "/api/v1/organizations/" + organization + "/tags";
    }

    private String preferences() {
        return "/api/v1/organizations/" + organization + "/marketing-preferences";
    }

    private Http.Response consents(String body) {
        return http().post("/api/v1/members/" + member + "/consents", body).token(desk).send();
    }

    private List<String> optedIn(String preference) {
        Http.Response csv = http().get("/api/v1/members/opted-in?preferenceId=" + preference).token(owner).send();
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        return new ArrayList<>(csv.body().lines().toList());
    }

    private JsonNode record() {
        return http().get("/api/v1/members/" + member).token(desk).send().json();
    }
}
