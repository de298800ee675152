package io.palestra.members;

import io.palestra.local.issuer.TokenRequest;
import io.palestra.test.Http;
import io.palestra.test.InfrastructureInitializer;
import io.palestra.test.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** members-service on a real PostgreSQL and a real Kafka broker, called over HTTP as the gateway calls it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public abstract class MembersIntegrationTest {

    @LocalServerPort
    protected int port;

    protected Http http() {
        return new Http("http://localhost:" + port);
    }

    protected static String platformAdmin() {
        return TestInfrastructure.tokens().sign(TokenRequest.platformAdmin("root"));
    }

    protected static String staff(UUID organization, String role) {
        return TestInfrastructure.tokens().sign(TokenRequest.staff(organization, role, "alice"));
    }

    protected static String staffOfSites(UUID organization, String role, UUID... sites) {
        return TestInfrastructure.tokens().sign(new TokenRequest(organization, List.of(sites), List.of(role), "bob"));
    }

    /** A new organisation with the given sites; answers its JSON (id, sites[].id). */
    protected JsonNode createOrganization(String name, String... sites) {
        StringBuilder siteJson = new StringBuilder();
        for (String site : sites) {
            siteJson.append(siteJson.isEmpty() ? "" : ",")
                    .append("{\"name\": \"").append(site).append("\", \"timeZone\": \"Europe/Paris\"}");
        }
        Http.Response created = http().post("/api/v1/organizations", """
                {"name": "%s", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR", "sites": [%s]}
                """.formatted(name, siteJson)).token(platformAdmin()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    protected static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }

    protected static UUID siteId(JsonNode organization, int index) {
        return UUID.fromString(organization.get("sites").get(index).get("id").asString());
    }

    /** A tag of the organisation (under {@code parent} when not null), defined by its owner; answers its id. */
    protected String defineTag(UUID organization, String name, String parent) {
        Http.Response created = http().post("/api/v1/organizations/" + organization + "/tags",
                parent == null ? "{\"name\": \"" + name + "\"}"
                        : "{\"name\": \"" + name + "\", \"parentId\": \"" + parent + "\"}")
                .token(staff(organization, "owner")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A marketing preference of the organisation, defined by its owner; answers its id. */
    protected String definePreference(UUID organization, String name) {
        Http.Response created = http().post("/api/v1/organizations/" + organization + "/marketing-preferences",
                "{\"name\": \"" + name + "\"}").token(staff(organization, "owner")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A problem answer (RFC 9457) with this status and code. */
    protected static void assertProblem(Http.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }

    protected Http.Response register(UUID organization, UUID site, String firstName, String lastName, String extra) {
        return http().post("/api/v1/members", """
                        {"siteId": "%s", "firstName": "%s", "lastName": "%s"%s}"""
                        .formatted(site, firstName, lastName, extra.isEmpty() ? "" : ", " + extra))
                .token(staff(organization, "front-desk")).send();
    }
}
