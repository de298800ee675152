package io.palestra.members;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationsIT extends MembersIntegrationTest {

    @Test
    void aPlatformAdminSetsUpAChainWithItsSitesAndItsStaffReadIt() {
        Http.Response created = http().post("/api/v1/organizations", """
                {"name": "Urban Move", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR",
                 "sites": [{"name": "Lyon", "timeZone": "Europe/Paris",
                            "address": {"line1": "17 rue du Docteur Bouchut", "postalCode": "69003",
                                        "city": "Lyon", "country": "FR"}},
                           {"name": "Paris", "timeZone": "Europe/Paris"}]}""").token(platformAdmin()).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID organization = id(created.json());
        assertThat(created.header("Location")).contains("/api/v1/organizations/" + organization);
        assertThat(created.header("ETag")).contains("\"2\"");

        Http.Response read = http().get("/api/v1/organizations/" + organization)
                .token(staff(organization, "analyst")).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("currency").asString()).isEqualTo("EUR");
        assertThat(read.json().get("sites")).hasSize(2);
        assertThat(read.json().get("sites").get(0).get("address").get("city").asString()).isEqualTo("Lyon");
    }

    @Test
    void onlyAPlatformAdminCreatesOrganisations() {
        Http.Response refused = http().post("/api/v1/organizations", """
                {"name": "Mine", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR",
                 "sites": [{"name": "Here", "timeZone": "Europe/Paris"}]}""")
                .token(staff(UUID.randomUUID(), "owner")).send();

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void refusesAnUnknownTimeZoneWithARuleProblem() {
        Http.Response refused = http().post("/api/v1/organizations", """
                {"name": "Nowhere", "currency": "EUR", "timeZone": "Mars/Olympus", "locale": "fr-FR",
                 "sites": [{"name": "Here", "timeZone": "Europe/Paris"}]}""").token(platformAdmin()).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("unknown-time-zone");
    }

    @Test
    void anotherOrganisationsStaffGetNotFound() {
        JsonNode organization = createOrganization("Private Club", "Only site");

        Http.Response answer = http().get("/api/v1/organizations/" + id(organization))
                .token(staff(UUID.randomUUID(), "owner")).send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("organization-not-found");
    }

    @Test
    void anOwnerOpensASiteAndAManagerRenamesItWithTheCurrentVersion() {
        JsonNode organization = createOrganization("Growing Club", "First");
        UUID id = id(organization);

        Http.Response opened = http().post("/api/v1/organizations/" + id + "/sites",
                "{\"name\": \"Second\", \"timeZone\": \"Europe/Paris\"}").token(staff(id, "owner")).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String second = opened.json().get("id").asString();

        String etag = http().get("/api/v1/organizations/" + id).token(staff(id, "manager")).send()
                .header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"2\"");
        Http.Response renamed = http().patch("/api/v1/organizations/" + id + "/sites/" + second,
                        "{\"name\": \"Second Avenue\"}")
                .header("If-Match", etag).token(staff(id, "manager")).send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.header("ETag")).contains("\"3\"");
        assertThat(renamed.json().get("sites").findValuesAsString("name")).contains("Second Avenue");

        Http.Response stale = http().patch("/api/v1/organizations/" + id + "/sites/" + second,
                        "{\"name\": \"Lost update\"}")
                .header("If-Match", etag).token(staff(id, "manager")).send();
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void aSiteRestrictedManagerSeesAndRenamesOnlyItsSites() {
        JsonNode organization = createOrganization("Two Sites", "North", "South");
        UUID id = id(organization);
        UUID north = siteId(organization, 0);
        UUID south = siteId(organization, 1);
        String northManager = staffOfSites(id, "manager", north);

        JsonNode read = http().get("/api/v1/organizations/" + id).token(northManager).send().json();
        assertThat(read.get("sites")).hasSize(1);
        assertThat(read.get("sites").get(0).get("id").asString()).isEqualTo(north.toString());

        Http.Response refused = http().patch("/api/v1/organizations/" + id + "/sites/" + south,
                "{\"name\": \"Renamed\"}").token(northManager).send();
        assertThat(refused.status()).isEqualTo(404);
    }
}
