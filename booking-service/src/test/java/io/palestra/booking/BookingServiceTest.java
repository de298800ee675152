package io.palestra.booking;

import io.palestra.events.members.MemberProfile;
import io.palestra.events.members.MemberRegistered;
import io.palestra.events.subscriptions.CreditConsumed;
import io.palestra.events.subscriptions.CreditRefused;
import io.palestra.local.issuer.TokenRequest;
import io.palestra.test.Http;
import io.palestra.test.KnownOrganizations;
import io.palestra.test.InfrastructureInitializer;
import io.palestra.test.MovableClock;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What booking-service's integration tests share: one running service on a real PostgreSQL and Kafka, a clock they
 * move, and for each test a new organisation with a site in Lyon, known from members-service's events as in
 * production. subscription-service is not running: tests play its part in the credit protocol, answering the seats
 * they read on {@code palestra.bookings.events} with {@code CreditConsumed} or {@code CreditRefused}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@Import(MovingTime.class)
@TestPropertySource(properties = BookingServiceTest.SHORT_ANSWER_WAIT)
public abstract class BookingServiceTest {

    /**
     * The tests answer for subscription-service after the request, so bookings answer 202 pending after a short wait.
     * Every integration test class declares the same context, so they share one running service.
     */
    static final String SHORT_ANSWER_WAIT = "palestra.bookings.answer-wait=100ms";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    /** Where every test's clock starts: two days before {@link #CLASS_STARTS}. */
    protected static final Instant TODAY = MovingTime.START;
    protected static final Instant CLASS_STARTS = Instant.parse("2027-01-17T17:30:00Z");

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MovableClock clock;

    @LocalServerPort
    int port;

    protected UUID organization;
    protected UUID lyon;
    protected String manager;
    protected String integration;
    protected TopicReader bookingsTopic;

    @BeforeEach
    void anOrganisationKnownFromItsEvents() {
        clock.set(TODAY);
        organization = UUID.randomUUID();
        lyon = UUID.randomUUID();
        manager = token(organization, "manager");
        integration = token(organization, "integration");
        bookingsTopic = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.bookings.events");
        KnownOrganizations.studioInLyon(jdbc, organization, lyon);
    }

    @AfterEach
    void closeTopic() {
        bookingsTopic.close();
    }

    protected Http http() {
        return new Http("http://localhost:" + port);
    }

    /** A member registered in members-service, with a profile, once booking-service knows it; its id. */
    protected UUID member(String firstName, String lastName) {
        UUID member = UUID.randomUUID();
        String code = "M" + member.toString().substring(0, 6);
        PublishedEvents.publish(new MemberRegistered(organization, lyon, member, code, "unspecified", null, null,
                TODAY), member);
        PublishedEvents.publish(new MemberProfile(organization, member, lyon, code, firstName, lastName, null, null,
                null, null, null, null, null, null), member);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM member_copy WHERE member_id = ? AND first_name IS NOT NULL")
                .param(member).query(Long.class).single() == 1);
        return member;
    }

    /** A session scheduled through the API; its id. */
    protected String session(int capacity, String waitlist) {
        Http.Response scheduled = http().post("/api/v1/sessions", """
                        {"siteId": "%s", "activityType": "yoga", "room": "Studio 1", "startsAt": "%s",
                         "endsAt": "%s", "capacity": %d, "credits": 1, "waitlist": "%s",
                         "opensDaysBefore": 7, "closesMinutesBefore": 60, "lateCancelMinutes": 720}"""
                        .formatted(lyon, CLASS_STARTS, CLASS_STARTS.plus(Duration.ofHours(1)), capacity, waitlist))
                .token(manager).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        return scheduled.json().get("sessionId").asString();
    }

    protected Http.Response book(String session, UUID member, String token) {
        return http().post("/api/v1/sessions/" + session + "/bookings", "{\"memberId\": \"" + member + "\"}")
                .token(token).send();
    }

    /** Books at the desk and answers for subscription-service: a pass pays; the booking id. */
    protected String bookAndPay(String session, UUID member) {
        Http.Response booked = book(session, member, manager);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        String booking = booked.json().get("bookingId").asString();
        pay(session, booking, member);
        awaitStatus(booking, "booked");
        return booking;
    }

    protected void pay(String session, String booking, UUID member) {
        PublishedEvents.publish(new CreditConsumed(organization, UUID.fromString(booking), UUID.fromString(session),
                member, "pass", UUID.randomUUID(), 1, 4, clock.instant()), booking);
    }

    protected void refuse(String session, String booking, UUID member, String reason) {
        PublishedEvents.publish(new CreditRefused(organization, UUID.fromString(booking), UUID.fromString(session),
                member, reason, clock.instant()), booking);
    }

    protected JsonNode awaitStatus(String booking, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/bookings/" + booking)
                .token(manager).send().json(), found -> status.equals(found.get("status").asString()));
    }

    /** The facts of a type published about the session so far. */
    protected List<JsonNode> published(String session, String type) {
        return bookingsTopic.matching(record -> session.equals(record.key())
                        && ("palestra.bookings." + type + ".v1").equals(TopicReader.header(record, "ce_type")))
                .stream().map(BookingServiceTest::value).toList();
    }

    private static JsonNode value(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    protected static String token(UUID organization, String role) {
        return TestInfrastructure.tokens().sign(TokenRequest.staff(organization, role, "alice"));
    }

    protected static void assertProblem(Http.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }
}
