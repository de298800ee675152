package io.palestra.subscription;

import io.palestra.events.PublishedEvent;
import io.palestra.events.bookings.SeatReserved;
import io.palestra.events.members.OrganizationCreated;
import io.palestra.events.members.SiteAdded;
import io.palestra.events.subscriptions.InstallmentDue;
import io.palestra.subscription.catalog.Activation;
import io.palestra.subscription.catalog.BillingPeriod;
import io.palestra.platform.money.Money;
import io.palestra.subscription.catalog.PlanKind;
import io.palestra.subscription.catalog.PlanMessages.DefinePlan;
import io.palestra.subscription.catalog.PlanMessages.PublishPlan;
import io.palestra.subscription.catalog.PlanTerms;
import io.palestra.subscription.pass.PassMessages.IssuePass;
import io.palestra.subscription.subscription.PaymentMethod;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribe;
import io.palestra.platform.timing.WakeupPoller;
import io.palestra.local.kafka.KafkaBroker;
import io.palestra.test.MovableClock;
import io.palestra.test.Postgres;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What must survive the service stopping and starting, on one database across several runs of the service:
 * installments fall due exactly once (their times are stored with the subscription's events, not held by a timer in
 * memory), and a seat reserved while the service is down is paid once it is back.
 */
class AcrossRestartsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static KafkaBroker kafka;

    private final String database = TestInfrastructure.createDatabase("subscriptions-restarts");
    private final MovableClock clock = new MovableClock(Instant.parse("2027-01-30T12:00:00Z"));

    /**
     * A broker of this test's own: the service runs here next to the other tests' one, and its consumer groups must
     * not share their partitions with it.
     */
    @BeforeAll
    static void startOwnBroker() throws IOException {
        kafka = TestInfrastructure.ownKafkaBroker(Files.createTempDirectory("palestra-restarts-kafka")).start();
    }

    @AfterAll
    static void stopOwnBroker() {
        kafka.close();
    }

    /**
     * The first run sells; the second starts after two due dates have passed (while it was down) and stops right
     * after waking; the third starts again and goes on to the next due date.
     */
    @Test
    void installmentsDueWhileTheServiceWasDownFallDueOnceAfterItsRestarts() {
        UUID organization = UUID.randomUUID();
        UUID lyon = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        try (ConfigurableApplicationContext first = start()) {
            publish(new OrganizationCreated(organization, "Studio Zen", "EUR", "Europe/Paris", "fr-FR"),
                    organization);
            publish(new SiteAdded(organization, lyon, "Lyon", "Europe/Paris", null), organization);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM site_copy "
                    + "WHERE organization_id = ?").param(organization).query(Long.class).single() == 1);
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new DefinePlan(plan, organization, PlanKind.MEMBERSHIP, new PlanTerms("Illimité",
                    null, new Money(new BigDecimal("39.90"), "EUR"), new BigDecimal("20"), null, null, null,
                    BillingPeriod.MONTHLY, null, null, null, null, null, null, null, null, null)));
            commands.sendAndWait(new PublishPlan(plan, clock.instant()));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM plan_view "
                    + "WHERE plan_id = ? AND status = 'published'").param(plan).query(Long.class).single() == 1);
            commands.sendAndWait(new Subscribe(subscription, organization, UUID.randomUUID(), lyon, plan, null,
                    LocalDate.of(2027, 1, 31), null, null, null, new PaymentMethod("card", "card-1"),
                    clock.instant()));
        }

        clock.set(Instant.parse("2027-03-01T10:00:00Z"));
        try (ConfigurableApplicationContext second = start()) {
            second.getBean(WakeupPoller.class).wakeDue();
        }

        try (ConfigurableApplicationContext third = start()) {
            WakeupPoller wakeups = third.getBean(WakeupPoller.class);
            wakeups.wakeDue();
            clock.set(LocalDate.of(2027, 3, 31).atStartOfDay(PARIS).toInstant());
            wakeups.wakeDue();
            wakeups.wakeDue();

            try (TopicReader events = new TopicReader(kafka.bootstrapServers(),
                    "palestra.subscriptions.events")) {
                List<ConsumerRecord<String, byte[]>> due = await().atMost(Duration.ofSeconds(30)).until(
                        () -> events.matching(record -> subscription.toString().equals(record.key())
                                && header(record, "ce_type").contains("InstallmentDue")),
                        found -> found.stream().anyMatch(record -> installment(record).installmentNumber() == 2));
                assertThat(due).extracting(record -> installment(record).dueOn()).containsExactly(
                        LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
            }
            assertThat(third.getBean(JdbcClient.class).sql("""
                            SELECT count(*) FROM domainevententry
                            WHERE aggregateidentifier = ? AND payloadtype LIKE '%InstallmentFellDue'""")
                    .param(subscription.toString()).query(Long.class).single()).isEqualTo(3);
        }
    }

    @Test
    void aSeatReservedWhileTheServiceIsDownIsPaidOnceWhenItIsBack() {
        UUID organization = UUID.randomUUID();
        UUID lyon = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID pass = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        try (ConfigurableApplicationContext first = start()) {
            publish(new OrganizationCreated(organization, "Studio Zen", "EUR", "Europe/Paris", "fr-FR"),
                    organization);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM organization_copy "
                    + "WHERE organization_id = ?").param(organization).query(Long.class).single() == 1);
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new DefinePlan(plan, organization, PlanKind.CLASS_PACK, new PlanTerms("Carte 5",
                    null, new Money(new BigDecimal("60"), "EUR"), new BigDecimal("20"), null, null, null, null, null,
                    null, null, null, 5, 90, null, Activation.SALE, false)));
            commands.sendAndWait(new PublishPlan(plan, clock.instant()));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM plan_view "
                    + "WHERE plan_id = ? AND status = 'published'").param(plan).query(Long.class).single() == 1);
            commands.sendAndWait(new IssuePass(pass, organization, member, plan, "F-1", null, "desk",
                    clock.instant()));
        }

        UUID booking = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        publish(new SeatReserved(organization, lyon, session, booking, member, "yoga",
                Instant.parse("2027-02-02T18:00:00Z"), 1, clock.instant()), session);

        try (ConfigurableApplicationContext second = start();
             TopicReader events = new TopicReader(kafka.bootstrapServers(),
                     "palestra.subscriptions.events")) {
            List<ConsumerRecord<String, byte[]>> answers = await().atMost(Duration.ofSeconds(60)).until(
                    () -> events.matching(record -> booking.toString().equals(record.key())),
                    found -> !found.isEmpty());
            assertThat(header(answers.get(0), "ce_type")).isEqualTo("palestra.subscriptions.CreditConsumed.v1");
            assertThat(second.getBean(JdbcClient.class).sql("SELECT balance FROM pass_cover WHERE pass_id = ?")
                    .param(pass).query(Integer.class).single()).isEqualTo(4);
        }
    }

    private static void publish(PublishedEvent event, UUID key) {
        try (PublishedEvents events = new PublishedEvents(kafka.bootstrapServers())) {
            events.send(event, key, UUID.randomUUID().toString()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InstallmentDue installment(ConsumerRecord<String, byte[]> record) {
        return JSON.readValue(record.value(), InstallmentDue.class);
    }

    /** The service on this test's database, with this test's clock. */
    private ConfigurableApplicationContext start() {
        Postgres postgres = TestInfrastructure.postgres();
        Map<String, Object> properties = Map.of("server.port", "0", "palestra.wakeups.interval", "1h",
                "spring.datasource.url", postgres.jdbcUrl(database),
                "spring.datasource.username", postgres.user(),
                "spring.datasource.password", postgres.password(),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestInfrastructure.tokens().issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestInfrastructure.tokens().jwkSetUri());
        return new SpringApplicationBuilder(SubscriptionApplication.class)
                .initializers(context -> {
                    context.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("restarts-test", properties));
                    context.getBeanFactory().registerSingleton("clock", clock);
                })
                .run();
    }
}
