package io.palestra.members;

import io.palestra.events.members.HouseholdChanged;
import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Relations between members and households, through the API. */
class MemberRelationsAndHouseholdsIT extends MembersIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UUID organization;
    private String desk;
    private String parent;
    private String child;
    private String friend;

    @BeforeEach
    void aFamily() {
        JsonNode chain = createOrganization("Family Club " + UUID.randomUUID(), "Main");
        organization = id(chain);
        desk = staff(organization, "front-desk");
        UUID site = siteId(chain, 0);
        parent = register(organization, site, "Hélène", "Lefèvre", "").json().get("id").asString();
        child = register(organization, site, "Léo", "Lefèvre", "\"birthDate\": \"2019-03-02\"").json().get("id")
                .asString();
        friend = register(organization, site, "Amina", "Diallo", "").json().get("id").asString();
    }

    @Test
    void bothSidesSeeARelationEachFromItsSide() {
        Http.Response related = relate(parent, child, "child");
        assertThat(related.status()).as(related.toString()).isEqualTo(201);
        assertThat(related.json().get("kind").asString()).isEqualTo("child");
        assertThat(related.json().get("firstName").asString()).isEqualTo("Léo");
        relate(friend, parent, "sponsor");

        JsonNode parentSide = record(parent).get("relations");
        assertThat(parentSide.findValuesAsString("kind")).containsExactly("referee", "child");
        JsonNode childSide = http().get("/api/v1/members/" + child + "/relations").token(desk).send().json();
        assertThat(childSide.get(0).get("kind").asString()).isEqualTo("parent");
        assertThat(childSide.get(0).get("memberId").asString()).isEqualTo(parent);

        Http.Response again = relate(child, parent, "parent");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:palestra:problem:already-related");

        String relation = related.json().get("id").asString();
        assertThat(http().delete("/api/v1/members/" + child + "/relations/" + relation).token(desk).send().status())
                .isEqualTo(204);
        assertThat(record(parent).get("relations").findValuesAsString("kind")).containsExactly("referee");
        assertThat(record(child).get("relations")).isEmpty();
    }

    @Test
    void refusesARelationOutsideTheOrganisationOrWithOneself() {
        JsonNode other = createOrganization("Other Club " + UUID.randomUUID(), "Main");
        String outsider = register(id(other), siteId(other, 0), "Out", "Sider", "").json().get("id").asString();

        assertThat(relate(parent, outsider, "family").status()).isEqualTo(404);
        assertThat(relate(parent, parent, "family").status()).isEqualTo(422);
        assertThat(http().post("/api/v1/members/" + parent + "/relations",
                "{\"memberId\": \"" + child + "\", \"kind\": \"cousin\"}").token(desk).send().status())
                .isEqualTo(400);
        assertThat(record(parent).get("relations")).isEmpty();
    }

    @Test
    void aHouseholdHasAHolderAndPeopleOfAnyAge() {
        Http.Response opened = http().post(household(parent), "").token(desk).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Http.Response joined = http().post(household(parent) + "/members", "{\"memberId\": \"" + child + "\"}")
                .token(desk).send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("holderId").asString()).isEqualTo(parent);
        assertThat(joined.json().get("members").findValuesAsString("firstName")).containsExactly("Hélène", "Léo");

        JsonNode fromChild = record(child).get("household");
        assertThat(fromChild.get("holderId").asString()).isEqualTo(parent);
        Http.Response elsewhere = http().post(household(friend), "").token(desk).send();
        assertThat(elsewhere.status()).isEqualTo(201);
        Http.Response twice = http().post(household(friend) + "/members", "{\"memberId\": \"" + child + "\"}")
                .token(desk).send();
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:palestra:problem:already-in-household");

        Http.Response holderLeaves = http().delete(household(parent) + "/members/" + parent).token(desk).send();
        assertThat(holderLeaves.status()).isEqualTo(422);
        Http.Response handedOver = http().put(household(child) + "/holder", "{\"memberId\": \"" + child + "\"}")
                .token(desk).send();
        assertThat(handedOver.json().get("holderId").asString()).isEqualTo(child);
        assertThat(handedOver.json().get("members").get(0).get("holder").asBoolean()).isTrue();
        assertThat(http().delete(household(parent) + "/members/" + parent).token(desk).send().status())
                .isEqualTo(204);
        assertThat(record(parent).get("household").isNull()).isTrue();
        assertThat(http().get(household(parent)).token(desk).send().status()).isEqualTo(404);

        assertThat(http().delete(household(child)).token(desk).send().status()).isEqualTo(204);
        assertThat(record(child).get("household").isNull()).isTrue();
        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events")) {
            String householdId = fromChild.get("id").asString();
            List<ConsumerRecord<String, byte[]>> changes = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> householdId.equals(record.key())), found -> found.size() == 5);
            assertThat(changes).extracting(record -> header(record, "ce_type"))
                    .containsOnly("palestra.members.HouseholdChanged.v1");
            HouseholdChanged handed = JSON.readValue(changes.get(2).value(), HouseholdChanged.class);
            assertThat(handed.holderId().toString()).isEqualTo(child);
            assertThat(handed.memberIds()).extracting(UUID::toString).containsExactly(child, parent);
            HouseholdChanged dissolved = JSON.readValue(changes.get(4).value(), HouseholdChanged.class);
            assertThat(dissolved.holderId()).isNull();
            assertThat(dissolved.memberIds()).isEmpty();
        }
    }

    @Test
    void anErasedHolderDissolvesTheHouseholdAndLosesItsRelations() {
        http().post(household(parent), "").token(desk).send();
        http().post(household(parent) + "/members", "{\"memberId\": \"" + child + "\"}").token(desk).send();
        relate(parent, child, "child");
        String code = record(parent).get("memberCode").asString();

        Http.Response erased = http().post("/api/v1/members/" + parent + "/anonymization",
                "{\"confirmation\": \"" + code + "\"}").token(staff(organization, "manager")).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        assertThat(record(child).get("relations")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> record(child).get("household").isNull());
        assertThat(http().post(household(child), "").token(desk).send().status()).isEqualTo(201);
    }

    private Http.Response relate(String member, String other, String kind) {
        return http().post("/api/v1/members/" + member + "/relations",
                "{\"memberId\": \"" + other + "\", \"kind\": \"" + kind + "\"}").token(desk).send();
    }

    private static String household(String member) {
        return "/api/v1/members/" + member + "/household";
    }

    private JsonNode record(String member) {
        return http().get("/api/v1/members/" + member).token(desk).send().json();
    }
}
