package io.palestra.subscription;

import io.palestra.local.issuer.TokenRequest;
import io.palestra.platform.timing.WakeupPoller;
import io.palestra.test.Http;
import io.palestra.test.KnownOrganizations;
import io.palestra.test.InfrastructureInitializer;
import io.palestra.test.MovableClock;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What subscription-service's integration tests share: one running service on a real PostgreSQL and Kafka, a clock
 * they move (the wake-up poller waits an hour, so tests wake aggregates when they choose), and for each test a new
 * organisation with a site in Lyon, known from members-service's events as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@Import(MovingTime.class)
@TestPropertySource(properties = SubscriptionServiceTest.WAKE_UPS_WHEN_TOLD)
public abstract class SubscriptionServiceTest {

    /**
     * The poller waits an hour, so tests wake aggregates when they choose. Every integration test class of the
     * service declares the same context (this, {@link MovingTime}), so they share one running service: two services
     * alive at once would share the Kafka consumer groups and each get half the records.
     */
    static final String WAKE_UPS_WHEN_TOLD = "palestra.wakeups.interval=1h";

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected WakeupPoller wakeups;

    @LocalServerPort
    int port;

    protected UUID organization;
    protected UUID lyon;
    protected String manager;

    /** Where every test's clock starts. */
    protected static final Instant TODAY = MovingTime.START;

    @BeforeEach
    void anOrganisationKnownFromItsEvents() {
        clock.set(TODAY);
        organization = UUID.randomUUID();
        lyon = UUID.randomUUID();
        manager = token(organization, "manager");
        KnownOrganizations.studioInLyon(jdbc, organization, lyon);
    }

    protected Http http() {
        return new Http("http://localhost:" + port);
    }

    /** A published plan of the organisation, drafted and published through the API; its id. */
    protected String publishedPlan(String kind, String terms) {
        Http.Response drafted = http().post("/api/v1/plans", "{\"kind\": \"" + kind + "\", \"terms\": " + terms + "}")
                .token(manager).send();
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String plan = drafted.json().get("id").asString();
        Http.Response published = http().post("/api/v1/plans/" + plan + "/publication", "").token(manager).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return plan;
    }

    protected static String token(UUID organization, String role) {
        return TestInfrastructure.tokens().sign(TokenRequest.staff(organization, role, "alice"));
    }

    protected static void assertProblem(Http.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asString()).isEqualTo(code);
    }
}
