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

    protected Http.Response register(UUID organization, UUID site, String firstName, String lastName, String extra) {
        return http().post("/api/v1/members", """
                        {"siteId": "%s", "firstName": "%s", "lastName": "%s"%s}"""
                        .formatted(site, firstName, lastName, extra.isEmpty() ? "" : ", " + extra))
                .token(staff(organization, "front-desk")).send();
    }
}
