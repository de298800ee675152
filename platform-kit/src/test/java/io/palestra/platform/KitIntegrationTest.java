package io.palestra.platform;

import io.palestra.local.issuer.TokenRequest;
import io.palestra.platform.testapp.TestApplication;
import io.palestra.test.Http;
import io.palestra.test.InfrastructureInitializer;
import io.palestra.test.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.util.List;
import java.util.UUID;

/** A service built on the kit (the test application), on a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public abstract class KitIntegrationTest {

    protected static final UUID ORGANIZATION = UUID.randomUUID();

    @LocalServerPort
    protected int port;

    protected Http http() {
        return new Http("http://localhost:" + port);
    }

    protected static String token(String role) {
        return TestInfrastructure.tokens().sign(TokenRequest.staff(ORGANIZATION, role, "alice"));
    }

    protected static String tokenOf(UUID organization, String role) {
        return TestInfrastructure.tokens().sign(new TokenRequest(organization, null, List.of(role), "bob"));
    }

    protected String openClub(String name) {
        Http.Response created = http().post("/api/v1/clubs", "{\"name\": \"" + name + "\"}")
                .token(token("manager")).send();
        if (created.status() != 201) {
            throw new AssertionError("Could not open a club: " + created);
        }
        return created.json().get("clubId").asString();
    }
}
