package io.palestra.members;

import io.palestra.test.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who changed what in a member record, and the record as it was, read from the member's events through the API. */
class MemberHistoryIT extends MembersIntegrationTest {

    private UUID organization;
    private String member;
    private String desk;
    private String note;
    private String period;

    @BeforeEach
    void aMemberRenamedNotedAndBlacklisted() {
        JsonNode chain = createOrganization("History Club " + UUID.randomUUID(), "Main");
        organization = id(chain);
        desk = staff(organization, "front-desk");
        member = register(organization, siteId(chain, 0), "Hélène", "Lefèvre",
                "\"email\": \"helene@example.org\", \"birthDate\": \"1991-04-17\"").json().get("id").asString();
        assertThat(http().patch("/api/v1/members/" + member, "{\"lastName\": \"Lefebvre\"}").token(desk).send()
                .status()).isEqualTo(200);
        note = http().post("/api/v1/members/" + member + "/notes", "{\"text\": \"Knee injury in 2025\"}")
                .token(desk).send().json().get("id").asString();
        period = http().post("/api/v1/members/" + member + "/blacklist-periods",
                        "{\"from\": \"%s\", \"reason\": \"Three no-shows\"}".formatted(LocalDate.now()))
                .token(staff(organization, "manager")).send().json().get("id").asString();
    }

    @Test
    void tellsEveryChangeOldestFirstWithWhoMadeItAndOldAndNewValues() {
        Http.Response history = history("", desk);

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode items = history.json().get("items");
        assertThat(items.findValuesAsString("change")).containsExactly("member-registered", "identity-changed",
                "note-added", "member-blacklisted");
        assertThat(items.findValuesAsString("actor")).containsOnly("alice");
        assertThat(sequences(items)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(history.json().get("nextAfter").isNull()).isTrue();

        assertThat(change(items.get(0), "firstName").get("to").asString()).isEqualTo("Hélène");
        JsonNode renamed = items.get(1).get("changes");
        assertThat(renamed).hasSize(1);
        assertThat(renamed.get(0).get("field").asString()).isEqualTo("lastName");
        assertThat(renamed.get(0).get("from").asString()).isEqualTo("Lefèvre");
        assertThat(renamed.get(0).get("to").asString()).isEqualTo("Lefebvre");
        JsonNode added = change(items.get(2), "notes." + note);
        assertThat(added.get("from").isNull()).isTrue();
        assertThat(added.get("to").get("text").asString()).isEqualTo("Knee injury in 2025");
        assertThat(change(items.get(3), "blacklist." + period).get("to").get("reason").asString())
                .isEqualTo("Three no-shows");
    }

    @Test
    void pagesAfterASequence() {
        JsonNode first = history("?limit=3", desk).json();
        assertThat(sequences(first.get("items"))).containsExactly(0L, 1L, 2L);
        assertThat(first.get("nextAfter").asLong()).isEqualTo(2L);

        JsonNode next = history("?limit=3&after=2", desk).json();
        assertThat(next.get("items").findValuesAsString("change")).containsExactly("member-blacklisted");
        assertThat(next.get("nextAfter").isNull()).isTrue();
        assertThat(history("?limit=0", desk).status()).isEqualTo(400);
    }

    @Test
    void answersTheRecordAsItWasBetweenTwoChanges() {
        JsonNode items = history("", desk).json().get("items");
        String registeredAt = items.get(0).get("at").asString();

        Http.Response before = history("?asOf=" + registeredAt, desk);

        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().get("sequence").asLong()).isZero();
        assertThat(before.json().get("asOf").asString()).isEqualTo(registeredAt);
        assertThat(before.json().get("record").get("lastName").asString()).isEqualTo("Lefèvre");
        assertThat(before.json().get("record").get("notes")).isEmpty();
        JsonNode now = history("?asOf=" + items.get(3).get("at").asString(), desk).json();
        assertThat(now.get("sequence").asLong()).isEqualTo(3L);
        assertThat(now.get("record").get("lastName").asString()).isEqualTo("Lefebvre");
        assertThat(now.get("record").get("notes").get(note).get("text").asString()).isEqualTo("Knee injury in 2025");
    }

    @Test
    void thereIsNoRecordBeforeRegistrationAndAnInstantMustBeOne() {
        Http.Response before = history("?asOf=2000-01-01T00:00:00Z", desk);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.json().get("code").asString()).isEqualTo("member-not-found");

        Http.Response wrong = history("?asOf=yesterday", desk);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("code").asString()).isEqualTo("validation-failed");
        assertThat(wrong.json().get("errors").findValuesAsString("field")).containsExactly("asOf");
    }

    @Test
    void onlyStaffOfTheOrganisationAtTheDeskAndAboveReadIt() {
        assertThat(history("", staff(organization, "owner")).status()).isEqualTo(200);
        assertThat(history("", staff(organization, "coach")).status()).isEqualTo(403);
        assertThat(history("?asOf=2030-01-01T00:00:00Z", staff(organization, "coach")).status()).isEqualTo(403);
        Http.Response stranger = history("", staff(UUID.randomUUID(), "owner"));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.body()).doesNotContain("Lefèvre");
        assertThat(history("?asOf=2030-01-01T00:00:00Z", staff(UUID.randomUUID(), "owner")).status())
                .isEqualTo(404);
    }

    @Test
    void afterAnErasureTheHistoryStandsWithItsPersonalValuesNull() {
        String code = http().get("/api/v1/members/" + member).token(desk).send().json().get("memberCode").asString();
        assertThat(http().post("/api/v1/members/" + member + "/anonymization",
                "{\"confirmation\": \"" + code + "\"}").token(staff(organization, "manager")).send().status())
                .isEqualTo(200);

        Http.Response history = history("", desk);

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.body()).doesNotContain("Hélène", "Lefèvre", "Lefebvre", "helene@example.org",
                "1991-04-17", "Knee injury", "Three no-shows");
        JsonNode items = history.json().get("items");
        assertThat(items.findValuesAsString("change")).containsExactly("member-registered", "identity-changed",
                "note-added", "member-blacklisted", "member-anonymized");
        assertThat(change(items.get(2), "notes." + note).get("to").get("text").isNull()).isTrue();
        assertThat(change(items.get(4), "status").get("to").asString()).isEqualTo("anonymized");
        JsonNode registered = history("?asOf=" + items.get(0).get("at").asString(), desk).json().get("record");
        assertThat(registered.get("firstName").isNull()).isTrue();
        assertThat(registered.get("memberCode").asString()).isEqualTo(code);
    }

    @Test
    void theApiDescriptionShowsBothAnswers() {
        JsonNode api = http().get("/v3/api-docs").token(desk).send().json();
        JsonNode operation = api.get("paths").get("/api/v1/members/{id}/history").get("get");

        assertThat(operation.get("tags").get(0).asString()).isEqualTo("Members");
        assertThat(operation.get("parameters").findValuesAsString("name")).contains("asOf", "after", "limit");
        String answer = operation.get("responses").get("200").findValue("$ref").asString();
        JsonNode oneOf = api.get("components").get("schemas").get(answer.substring(answer.lastIndexOf('/') + 1))
                .get("oneOf");
        assertThat(oneOf.findValuesAsString("$ref")).containsExactlyInAnyOrder(
                "#/components/schemas/HistoryPage", "#/components/schemas/RecordAsOf");
        assertThat(api.get("components").get("schemas").get("RecordAsOf").get("properties")).isNotNull();
    }

    private Http.Response history(String query, String token) {
        return http().get("/api/v1/members/" + member + "/history" + query).token(token).send();
    }

    private static List<Long> sequences(JsonNode items) {
        List<Long> sequences = new ArrayList<>();
        items.forEach(item -> sequences.add(item.get("sequence").asLong()));
        return sequences;
    }

    private static JsonNode change(JsonNode entry, String field) {
        for (JsonNode change : entry.get("changes")) {
            if (field.equals(change.get("field").asString())) {
                return change;
            }
        }
        throw new AssertionError("No change of " + field + " in " + entry);
    }
}
