package io.palestra.members;

import io.palestra.test.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** members-service's part of a member's personal data export (GDPR access request): all it holds, and to whom. */
class PersonalDataExportIT extends MembersIntegrationTest {

    private UUID organization;
    private UUID home;
    private UUID otherSite;
    private String manager;
    private String desk;
    private String member;

    @BeforeEach
    void aMemberWithNotesAndConsents() {
        JsonNode chain = createOrganization("Export Club " + UUID.randomUUID(), "Lyon", "Villeurbanne");
        organization = id(chain);
        home = siteId(chain, 0);
        otherSite = siteId(chain, 1);
        manager = staff(organization, "manager");
        desk = staff(organization, "front-desk");
        member = register(organization, home, "Hélène", "Lefèvre", "\"email\": \"helene@example.org\"")
                .json().get("id").asString();
        assertThat(http().patch("/api/v1/members/" + member, "{\"lastName\": \"Lefebvre\"}").token(desk).send()
                .status()).isEqualTo(200);
        assertThat(http().post("/api/v1/members/" + member + "/notes", "{\"text\": \"Knee injury in 2025\"}")
                .token(desk).send().status()).isEqualTo(201);
        assertThat(http().post("/api/v1/members/" + member + "/consents",
                "{\"decisions\": [{\"channel\": \"sms\", \"granted\": true, \"source\": \"paper\"}]}")
                .token(desk).send().status()).isEqualTo(200);
    }

    @Test
    void holdsTheRecordTheNotesTheConsentHistoryAndTheEventStream() {
        Http.Response answer = export(member, manager);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode export = answer.json();
        assertThat(export.get("service").asString()).isEqualTo("members-service");
        assertThat(export.get("memberId").asString()).isEqualTo(member);
        JsonNode sections = export.get("sections");
        assertThat(sections.propertyNames()).containsExactly("record", "notes", "consentHistory", "events");
        assertThat(sections.get("record").get("lastName").asString()).isEqualTo("Lefebvre");
        assertThat(sections.get("record").get("email").asString()).isEqualTo("helene@example.org");
        assertThat(sections.get("notes").findValuesAsString("text")).containsExactly("Knee injury in 2025");
        JsonNode decision = sections.get("consentHistory").get(0);
        assertThat(decision.get("channel").asString()).isEqualTo("sms");
        assertThat(decision.get("source").asString()).isEqualTo("paper");
        assertThat(decision.get("recordedBy").asString()).isEqualTo("alice");
        assertThat(types(sections.get("events")))
                .startsWith("MemberRegistered").contains("NoteAdded", "ConsentRecorded");
        assertThat(sections.get("events").get(0).get("payload").get("lastName").asString())
                .as("the value as it was first recorded").isEqualTo("Lefèvre");
    }

    @Test
    void readsErasedValuesAsNull() {
        assertThat(http().post("/api/v1/members/" + member + "/anonymization", "{\"confirmation\": \"000001\"}")
                .token(manager).send().status()).isEqualTo(200);

        Http.Response answer = export(member, manager);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode sections = answer.json().get("sections");
        assertThat(sections.get("record").get("status").asString()).isEqualTo("anonymized");
        assertThat(sections.get("events").get(0).get("payload").get("firstName").isNull()).isTrue();
        assertThat(answer.body()).doesNotContain("Hélène", "Lefèvre", "Lefebvre", "helene@example.org",
                "Knee injury");
    }

    @Test
    void tellsWhichRecordAMergedRecordWentInto() {
        String survivor = register(organization, home, "Hélène", "Lefebvre", "").json().get("id").asString();
        assertThat(http().post("/api/v1/members/" + survivor + "/merge", "{\"duplicateId\": \"" + member + "\"}")
                .token(manager).send().status()).isEqualTo(200);

        JsonNode sections = export(member, manager).json().get("sections");

        assertThat(sections.get("record").get("id").asString()).isEqualTo(member);
        assertThat(sections.get("record").get("status").asString()).isEqualTo("merged");
        assertThat(sections.get("record").get("mergedInto").asString()).isEqualTo(survivor);
        assertThat(types(sections.get("events"))).startsWith("MemberRegistered").endsWith("MemberMergedInto");
    }

    @Test
    void anotherOrganisationFindsNoSuchMember() {
        assertProblem(export(member, staff(UUID.randomUUID(), "manager")), 404, "member-not-found");
    }

    @Test
    void aManagerOfAnotherSiteFindsNoSuchMember() {
        assertProblem(export(member, staffOfSites(organization, "manager", otherSite)), 404, "member-not-found");
    }

    @Test
    void onlyOwnersAndManagersMayExport() {
        assertThat(export(member, staff(organization, "owner")).status()).isEqualTo(200);
        assertProblem(export(member, desk), 403, "forbidden");
        assertProblem(export(member, staff(organization, "coach")), 403, "forbidden");
    }

    private Http.Response export(String memberId, String token) {
        return http().get("/api/v1/personal-data/members/" + memberId).token(token).send();
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asString()));
        return types;
    }
}
