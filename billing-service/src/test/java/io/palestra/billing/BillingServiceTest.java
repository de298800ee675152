package io.palestra.billing;

import io.palestra.events.Price;
import io.palestra.events.subscriptions.PlanPublished;
import io.palestra.local.issuer.TokenRequest;
import io.palestra.test.Http;
import io.palestra.test.KnownOrganizations;
import io.palestra.test.InfrastructureInitializer;
import io.palestra.test.MovableClock;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What billing-service's integration tests share: one running service on a real PostgreSQL and Kafka, a clock they
 * move, and for each test a new organisation (in euros) with a site in Lyon, known from members-service's events as in
 * production. subscription-service is not running: tests publish its catalog and installments themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@Import(MovingTime.class)
public abstract class BillingServiceTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Instant TODAY = MovingTime.START;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MovableClock clock;

    @LocalServerPort
    int port;

    protected UUID organization;
    protected UUID lyon;
    protected String manager;
    protected String desk;
    protected TopicReader billingTopic;

    @BeforeEach
    void anOrganisationKnownFromItsEvents() {
        clock.set(TODAY);
        organization = UUID.randomUUID();
        lyon = UUID.randomUUID();
        manager = token(organization, "manager");
        desk = token(organization, "front-desk");
        billingTopic = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.billing.events");
        KnownOrganizations.studioInLyon(jdbc, organization, lyon);
    }

    @AfterEach
    void closeTopic() {
        billingTopic.close();
    }

    protected Http http() {
        return new Http("http://localhost:" + port);
    }

    /** A class pack starting on a chosen date, published in the catalog, once billing knows it; its plan id. */
    protected UUID classPack(String name, String price) {
        UUID plan = UUID.randomUUID();
        PublishedEvents.publish(new PlanPublished(organization, plan, "class-pack", name,
                new Price(new BigDecimal(price), "EUR"), new BigDecimal("20.0"), Map.of(), List.of(), List.of(),
                null, null, null, null, null, 10, 365, null, "chosen-date", false, TODAY), plan);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM offer_copy WHERE plan_id = ?").param(plan).query(Long.class).single() == 1);
        return plan;
    }

    /** A cart opened at the desk for {@code member} in Lyon; its id. */
    protected String cart(UUID member) {
        Http.Response opened = http().post("/api/v1/invoices", """
                {"siteId": "%s", "memberId": "%s"}""".formatted(lyon, member)).token(desk).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("status").asString()).isEqualTo("draft");
        return opened.json().get("invoiceId").asString();
    }

    protected JsonNode addLine(String invoice, String line) {
        Http.Response added = http().post("/api/v1/invoices/" + invoice + "/lines", line).token(desk).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json();
    }

    protected JsonNode issue(String invoice) {
        Http.Response issued = http().post("/api/v1/invoices/" + invoice + "/issue", "{}").token(desk).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return issued.json();
    }

    protected Http.Response pay(String invoice, String method, String amount) {
        return http().post("/api/v1/invoices/" + invoice + "/payments", """
                {"method": "%s", "amount": {"amount": "%s", "currency": "EUR"}}""".formatted(method, amount))
                .token(desk).send();
    }

    /** The facts of a type published about the invoice so far. */
    protected List<JsonNode> published(String invoice, String type) {
        return billingTopic.matching(record -> invoice.equals(record.key())
                        && ("palestra.billing." + type + ".v1").equals(TopicReader.header(record, "ce_type")))
                .stream().map(record -> JSON.readTree(record.value())).toList();
    }

    protected static String token(UUID organization, String role) {
        return TestInfrastructure.tokens().sign(TokenRequest.staff(organization, role, "alice"));
    }

    protected static void assertProblem(Http.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }
}
