package io.palestra.members;

import io.palestra.events.members.MemberProfile;
import io.palestra.events.members.MemberRegistered;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What members-service publishes, read as an analytics team would read it. */
class PublicationIT extends MembersIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void publishesARegistrationPseudonymouslyAndItsProfileOnTheCompactedTopic() {
        JsonNode chain = createOrganization("Published Club", "Only site");
        UUID organization = id(chain);
        String member = register(organization, siteId(chain, 0), "Hélène", "Lefèvre",
                "\"email\": \"helene@example.org\", \"birthDate\": \"1991-04-17\"").json().get("id").asString();

        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events");
             TopicReader profiles = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
                     "palestra.members.profiles")) {
            ConsumerRecord<String, byte[]> registered = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> member.equals(record.key())), found -> !found.isEmpty()).get(0);
            assertThat(header(registered, "ce_type")).isEqualTo("palestra.members.MemberRegistered.v1");
            assertThat(header(registered, "ce_organizationid")).isEqualTo(organization.toString());
            assertThat(header(registered, "ce_subject")).isEqualTo(member);
            String value = new String(registered.value(), StandardCharsets.UTF_8);
            assertThat(value).doesNotContain("Hélène", "Lefèvre", "helene@example.org");
            MemberRegistered event = JSON.readValue(registered.value(), MemberRegistered.class);
            assertThat(event.memberCode()).isEqualTo("000001");
            assertThat(event.birthYear()).isEqualTo(1991);

            ConsumerRecord<String, byte[]> profile = await().atMost(Duration.ofSeconds(30)).until(
                    () -> profiles.matching(record -> member.equals(record.key())), found -> !found.isEmpty()).get(0);
            assertThat(header(profile, "ce_type")).isEqualTo("palestra.members.MemberProfile.v1");
            assertThat(header(profile, "ce_id")).isNotEqualTo(header(registered, "ce_id"));
            assertThat(JSON.readValue(profile.value(), MemberProfile.class).lastName()).isEqualTo("Lefèvre");
        }
    }

    @Test
    void publishesTheOrganisationAndItsSitesInOrder() {
        JsonNode chain = createOrganization("Ordered Club", "Alpha", "Beta");
        String organization = chain.get("id").asString();

        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.members.events")) {
            var records = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> organization.equals(record.key())), found -> found.size() >= 3);
            assertThat(records).extracting(record -> header(record, "ce_type")).containsExactly(
                    "palestra.members.OrganizationCreated.v1", "palestra.members.SiteAdded.v1",
                    "palestra.members.SiteAdded.v1");
            assertThat(records).extracting(record -> header(record, "ce_sequence")).containsExactly("0", "1", "2");
        }
    }
}
