package io.palestra.members;

import io.palestra.events.members.MemberBlacklisted;
import io.palestra.events.members.MemberProfile;
import io.palestra.events.members.MemberTransferred;
import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Barring a member from booking online, and moving a member to another site, through the API. */
class MemberStandingIT extends MembersIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    private UUID organization;
    private UUID home;
    private UUID otherSite;
    private String member;
    private String desk;

    @BeforeEach
    void aMemberOfATwoSiteChain() {
        JsonNode chain = createOrganization("Standing Club " + UUID.randomUUID(), "Lyon", "Villeurbanne");
        organization = id(chain);
        home = siteId(chain, 0);
        otherSite = siteId(chain, 1);
        member = register(organization, home, "Hélène", "Lefèvre", "").json().get("id").asString();
        desk = staff(organization, "front-desk");
    }

    @Test
    void aBlacklistPeriodBarsTheMemberUntilItIsLifted() {
        Http.Response created = blacklist("{\"from\": \"%s\", \"until\": \"%s\", \"reason\": \"Three no-shows\"}"
                .formatted(TODAY.minusDays(1), TODAY.plusDays(6)), desk);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String period = created.json().get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/blacklist-periods/" + period));
        assertThat(created.json().get("reason").asString()).isEqualTo("Three no-shows");
        assertThat(created.json().get("createdBy").asString()).isEqualTo("alice");

        JsonNode record = record();
        assertThat(record.get("blacklisted").asBoolean()).isTrue();
        assertThat(record.get("blacklist").get(0).get("until").asString()).isEqualTo(TODAY.plusDays(6).toString());
        assertThat(listed("blacklisted")).containsExactly(member);

        Http.Response lifted = http().delete("/api/v1/members/" + member + "/blacklist-periods/" + period)
                .token(desk).send();
        assertThat(lifted.status()).isEqualTo(204);
        assertThat(record().get("blacklisted").asBoolean()).isFalse();
        assertThat(record().get("blacklist")).isEmpty();
        assertThat(listed("blacklisted")).isEmpty();
        assertThat(http().delete("/api/v1/members/" + member + "/blacklist-periods/" + period).token(desk).send()
                .status()).isEqualTo(404);
    }

    @Test
    void aPeriodInTheFutureDoesNotBarTheMemberToday() {
        blacklist("{\"from\": \"%s\"}".formatted(TODAY.plusDays(10)), desk);

        JsonNode record = record();
        assertThat(record.get("blacklisted").asBoolean()).isFalse();
        assertThat(record.get("blacklist").get(0).get("until").isNull()).isTrue();
        assertThat(listed("blacklisted")).isEmpty();
    }

    @Test
    void refusesAReversedPeriodAndChangesNothing() {
        Http.Response refused = blacklist("{\"from\": \"%s\", \"until\": \"%s\"}"
                .formatted(TODAY.plusDays(5), TODAY), desk);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:palestra:problem:period-reversed");
        assertThat(record().get("blacklist")).isEmpty();
        Http.Response missingStart = blacklist("{\"until\": \"%s\"}".formatted(TODAY), desk);
        assertThat(missingStart.status()).isEqualTo(400);
        assertThat(missingStart.json().get("errors").findValuesAsString("field")).containsExactly("from");
    }

    @Test
    void onlyStaffOfTheOrganisationBlacklist() {
        String body = "{\"from\": \"%s\"}".formatted(TODAY);
        assertThat(blacklist(body, staff(organization, "coach")).status()).isEqualTo(403);
        assertThat(blacklist(body, staff(UUID.randomUUID(), "owner")).status()).isEqualTo(404);
        assertThat(record().get("blacklist")).isEmpty();
    }

    @Test
    void publishesThePeriodWithoutItsReason() {
        String period = blacklist("{\"from\": \"%s\", \"reason\": \"Rude to the coach\"}".formatted(TODAY), desk)
                .json().get("id").asString();
        http().delete("/api/v1/members/" + member + "/blacklist-periods/" + period).token(desk).send();

        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events")) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> member.equals(record.key())), found -> found.size() >= 3);
            assertThat(records).extracting(record -> header(record, "ce_type")).containsExactly(
                    "palestra.members.MemberRegistered.v1", "palestra.members.MemberBlacklisted.v1",
                    "palestra.members.MemberBlacklistLifted.v1");
            assertThat(new String(records.get(1).value(), StandardCharsets.UTF_8)).doesNotContain("Rude");
            MemberBlacklisted published = JSON.readValue(records.get(1).value(), MemberBlacklisted.class);
            assertThat(published.periodId().toString()).isEqualTo(period);
            assertThat(published.from()).isEqualTo(TODAY);
            assertThat(published.until()).isNull();
        }
    }

    @Test
    void aManagerTransfersTheMemberToAnotherSite() {
        Http.Response transferred = transfer(otherSite, staff(organization, "manager"));

        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.json().get("siteId").asString()).isEqualTo(otherSite.toString());
        assertThat(listed("active&siteId=" + otherSite)).containsExactly(member);
        assertThat(listed("active&siteId=" + home)).isEmpty();

        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events");
             TopicReader profiles = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
                     "palestra.members.profiles")) {
            ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> member.equals(record.key())
                            && "palestra.members.MemberTransferred.v1".equals(header(record, "ce_type"))),
                    found -> !found.isEmpty()).get(0);
            MemberTransferred published = JSON.readValue(event.value(), MemberTransferred.class);
            assertThat(published.fromSiteId()).isEqualTo(home);
            assertThat(published.toSiteId()).isEqualTo(otherSite);
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                    () -> profiles.matching(record -> member.equals(record.key())), found -> found.size() >= 2);
            assertThat(JSON.readValue(records.get(records.size() - 1).value(), MemberProfile.class).siteId())
                    .isEqualTo(otherSite);
        }
    }

    @Test
    void aTransferNeedsAManagerWhoSeesBothSites() {
        assertThat(transfer(otherSite, desk).status()).isEqualTo(403);
        Http.Response notTheirSite = transfer(otherSite, staffOfSites(organization, "manager", home));
        assertThat(notTheirSite.status()).isEqualTo(422);
        assertThat(notTheirSite.json().get("type").asString()).isEqualTo("urn:palestra:problem:unknown-site");
        Http.Response unknown = transfer(UUID.randomUUID(), staff(organization, "owner"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(transfer(otherSite, staff(UUID.randomUUID(), "owner")).status()).isEqualTo(404);

        assertThat(record().get("siteId").asString()).isEqualTo(home.toString());
    }

    private Http.Response blacklist(String body, String token) {
        return http().post("/api/v1/members/" + member + "/blacklist-periods", body).token(token).send();
    }

    private Http.Response transfer(UUID site, String token) {
        return http().post("/api/v1/members/" + member + "/transfer", "{\"siteId\": \"" + site + "\"}").token(token)
                .send();
    }

    private JsonNode record() {
        return http().get("/api/v1/members/" + member).token(desk).send().json();
    }

    private List<String> listed(String status) {
        List<String> ids = new ArrayList<>();
        http().get("/api/v1/members?status=" + status).token(desk).send().json().get("items")
                .forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
