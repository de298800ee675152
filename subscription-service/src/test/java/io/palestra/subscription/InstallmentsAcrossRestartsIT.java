package io.palestra.subscription;

import io.palestra.events.members.OrganizationCreated;
import io.palestra.events.members.SiteAdded;
import io.palestra.events.subscriptions.InstallmentDue;
import io.palestra.subscription.catalog.BillingPeriod;
import io.palestra.subscription.catalog.Money;
import io.palestra.subscription.catalog.PlanKind;
import io.palestra.subscription.catalog.PlanMessages.DefinePlan;
import io.palestra.subscription.catalog.PlanMessages.PublishPlan;
import io.palestra.subscription.catalog.PlanTerms;
import io.palestra.subscription.subscription.PaymentMethod;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribe;
import io.palestra.subscription.timing.WakeupPoller;
import io.palestra.test.MovableClock;
import io.palestra.test.Postgres;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Installments fall due exactly once however the service stops and starts: their times are stored with the
 * subscription's events, not held by a timer in memory. Three runs of the service on one database: the first sells,
 * the second starts after two due dates have passed (while it was down) and stops right after waking, the third
 * starts again and goes on to the next due date.
 */
class InstallmentsAcrossRestartsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final String database = TestInfrastructure.createDatabase("subscriptions-restarts");
    private final MovableClock clock = new MovableClock(Instant.parse("2027-01-30T12:00:00Z"));

    @Test
    void installmentsDueWhileTheServiceWasDownFallDueOnceAfterItsRestarts() {
        UUID organization = UUID.randomUUID();
        UUID lyon = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        try (ConfigurableApplicationContext first = start()) {
            PublishedEvents.publish(new OrganizationCreated(organization, "Studio Zen", "EUR", "Europe/Paris",
                    "fr-FR"), organization);
            PublishedEvents.publish(new SiteAdded(organization, lyon, "Lyon", "Europe/Paris", null), organization);
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

            try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
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
                "spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
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
