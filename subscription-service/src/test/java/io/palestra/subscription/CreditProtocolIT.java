package io.palestra.subscription;

import io.palestra.events.bookings.BookingCancelled;
import io.palestra.events.bookings.SeatReserved;
import io.palestra.events.members.HouseholdChanged;
import io.palestra.subscription.credit.CreditDecisions;
import io.palestra.subscription.credit.Seat;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The credit protocol on a real PostgreSQL and Kafka, fed as booking-service will feed it: {@code SeatReserved} and
 * {@code BookingCancelled} records on {@code palestra.bookings.events}, answered on {@code palestra.subscriptions.events}
 * keyed by the booking.
 */
class CreditProtocolIT extends SubscriptionServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant SESSION = Instant.parse("2027-01-20T17:30:00Z");
    private static TopicReader answers;

    @Autowired
    CreditDecisions decisions;

    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void readTheAnswers() {
        answers = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), "palestra.subscriptions.events");
    }

    @AfterAll
    static void stopReading() {
        answers.close();
    }

    @Test
    void aReservationConsumesOneCreditOnceHoweverOftenItArrives() {
        UUID member = UUID.randomUUID();
        String pass = issuePass(member, pack(5, false));
        UUID booking = UUID.randomUUID();
        SeatReserved seat = seat(member, booking, UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();
        // the same record delivered twice, then the same booking again under another event id

        PublishedEvents.publish(seat, seat.sessionId(), eventId);
        PublishedEvents.publish(seat, seat.sessionId(), eventId);
        PublishedEvents.publish(seat, seat.sessionId());

        JsonNode consumed = answer(booking, "CreditConsumed");
        assertThat(consumed.get("paidBy").asString()).isEqualTo("pass");
        assertThat(consumed.get("payerId").asString()).isEqualTo(pass);
        assertThat(consumed.get("balance").asInt()).isEqualTo(4);
        awaitFollowingBookingAnswered(member, pass, seat.sessionId());
        assertThat(answersFor(booking)).hasSize(1);
        assertLedger(pass, "issue", "consume", "consume");
    }

    @Test
    void aCancellationWithReCreditRestoresOnceAndACancellationBeforeTheReservationRefusesIt() {
        UUID member = UUID.randomUUID();
        String pass = issuePass(member, pack(5, false));
        UUID booking = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        PublishedEvents.publish(seat(member, booking, session), session);
        answer(booking, "CreditConsumed");

        BookingCancelled cancelled = new BookingCancelled(organization, lyon, session, booking, member, true,
                "member", Instant.parse("2027-01-16T10:00:00Z"), true);
        PublishedEvents.publish(cancelled, session);
        PublishedEvents.publish(cancelled, session);
        JsonNode restored = answer(booking, "CreditRestored");
        assertThat(restored.get("credits").asInt()).isEqualTo(1);
        assertThat(restored.get("balance").asInt()).isEqualTo(5);

        UUID early = UUID.randomUUID();
        PublishedEvents.publish(new BookingCancelled(organization, lyon, session, early, member, true, "member",
                Instant.parse("2027-01-16T10:00:00Z"), true), session);
        PublishedEvents.publish(seat(member, early, session), session);
        assertThat(answer(early, "CreditRefused").get("reason").asString()).isEqualTo("booking-cancelled");

        awaitFollowingBookingAnswered(member, pass, session);
        assertThat(answersFor(booking)).extracting(record -> header(record, "ce_type")).containsExactly(
                "palestra.subscriptions.CreditConsumed.v1", "palestra.subscriptions.CreditRestored.v1");
        assertLedger(pass, "issue", "consume", "restore", "consume");
    }

    @Test
    void twoReservationsForOneLastCreditOneIsPaidTheOtherRefused() {
        UUID member = UUID.randomUUID();
        String pass = issuePass(member, pack(1, false));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        PublishedEvents.publish(seat(member, first, UUID.randomUUID()), UUID.randomUUID());
        PublishedEvents.publish(seat(member, second, UUID.randomUUID()), UUID.randomUUID());

        List<String> types = List.of(header(answerRecord(first), "ce_type"), header(answerRecord(second), "ce_type"));
        assertThat(types).containsExactlyInAnyOrder("palestra.subscriptions.CreditConsumed.v1",
                "palestra.subscriptions.CreditRefused.v1");
        awaitBalance(pass, 0);
    }

    @Test
    void inTwoConcurrentTransactionsTheLastCreditIsSpentOnce() throws Exception {
        UUID member = UUID.randomUUID();
        String pass = issuePass(member, pack(1, false));
        CountDownLatch start = new CountDownLatch(1);
        List<Seat> seats = List.of(seatFor(member, UUID.randomUUID()), seatFor(member, UUID.randomUUID()));
        List<CompletableFuture<Boolean>> racers = new ArrayList<>();
        for (Seat seat : seats) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    transactions.executeWithoutResult(status -> decisions.seatReserved(seat, clock.instant()));
                    return true;
                } catch (RuntimeException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
        }
        start.countDown();
        List<Boolean> committed = new ArrayList<>();
        for (CompletableFuture<Boolean> racer : racers) {
            committed.add(racer.get());
        }
        // A racer whose transaction lost is retried, as the Kafka listener does with a failed record.
        for (int index = 0; index < seats.size(); index++) {
            if (!committed.get(index)) {
                Seat seat = seats.get(index);
                transactions.executeWithoutResult(status -> decisions.seatReserved(seat, clock.instant()));
            }
        }

        assertThat(jdbc.sql("SELECT status FROM credit_claim WHERE booking_id IN (?, ?)")
                .params(seats.get(0).bookingId(), seats.get(1).bookingId()).query(String.class).list())
                .containsExactlyInAnyOrder("paid", "refused");
        awaitBalance(pass, 0);
        assertLedger(pass, "issue", "consume");
    }

    @Test
    void aHouseholdSharesItsFamilyPassAndAMembershipPaysBeforeAnyPass() {
        UUID holder = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        String familyPass = issuePass(holder, pack(10, true));
        PublishedEvents.publish(new HouseholdChanged(organization, UUID.randomUUID(), holder, List.of(holder, child)),
                organization);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM member_copy "
                + "WHERE member_id = ? AND household_id IS NOT NULL").param(child).query(Long.class).single() == 1);

        UUID childBooking = UUID.randomUUID();
        PublishedEvents.publish(seat(child, childBooking, UUID.randomUUID()), UUID.randomUUID());
        assertThat(answer(childBooking, "CreditConsumed").get("payerId").asString()).isEqualTo(familyPass);
        assertThat(passes(child)).contains(familyPass);

        String plan = publishedPlan("membership", """
                {"name": "Illimité", "price": {"amount": "49", "currency": "EUR"}, "vatRate": 20,
                 "period": "monthly", "activityTypes": ["yoga"]}""");
        String subscription = http().post("/api/v1/subscriptions", """
                {"memberId": "%s", "planId": "%s", "siteId": "%s", "startsOn": "2027-01-15",
                 "paymentMethod": {"type": "card", "reference": "c"}}""".formatted(holder, plan, lyon))
                .token(manager).send().json().get("id").asString();
        UUID holderBooking = UUID.randomUUID();
        PublishedEvents.publish(seat(holder, holderBooking, UUID.randomUUID()), UUID.randomUUID());
        JsonNode paid = answer(holderBooking, "CreditConsumed");
        assertThat(paid.get("paidBy").asString()).isEqualTo("membership");
        assertThat(paid.get("payerId").asString()).isEqualTo(subscription);
        assertThat(paid.get("credits").asInt()).isZero();

        UUID stranger = UUID.randomUUID();
        PublishedEvents.publish(seat(UUID.randomUUID(), stranger, UUID.randomUUID()), UUID.randomUUID());
        assertThat(answer(stranger, "CreditRefused").get("reason").asString()).isEqualTo("nothing-covers");
    }

    // Helpers

    private String pack(int credits, boolean shareable) {
        return publishedPlan("class-pack", """
                {"name": "Carte %d cours", "price": {"amount": "60", "currency": "EUR"}, "vatRate": 20,
                 "credits": %d, "validityDays": 90, "activation": "sale", "shareableByHousehold": %s}"""
                .formatted(credits, credits, shareable));
    }

    private String issuePass(UUID member, String plan) {
        Http.Response issued = http().post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-%s"}""".formatted(member, plan,
                UUID.randomUUID())).token(manager).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("id").asString();
    }

    private SeatReserved seat(UUID member, UUID booking, UUID session) {
        return new SeatReserved(organization, lyon, session, booking, member, "yoga", SESSION, 1,
                Instant.parse("2027-01-15T10:00:00Z"));
    }

    private Seat seatFor(UUID member, UUID booking) {
        return new Seat(organization, lyon, UUID.randomUUID(), booking, member, "yoga", SESSION, 1);
    }

    /**
     * A later booking of the member in the same session, answered: everything sent before it under the session's key
     * (one partition, in order) was handled too.
     */
    private void awaitFollowingBookingAnswered(UUID member, String pass, UUID session) {
        UUID later = UUID.randomUUID();
        PublishedEvents.publish(seat(member, later, session), session);
        assertThat(answer(later, "CreditConsumed").get("payerId").asString()).isEqualTo(pass);
    }

    private JsonNode answer(UUID booking, String type) {
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> answersFor(booking).stream().filter(found -> header(found, "ce_type")
                        .equals("palestra.subscriptions." + type + ".v1")).findFirst().orElse(null),
                found -> found != null);
        return JSON.readTree(record.value());
    }

    private ConsumerRecord<String, byte[]> answerRecord(UUID booking) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> answersFor(booking),
                found -> !found.isEmpty()).get(0);
    }

    private List<ConsumerRecord<String, byte[]>> answersFor(UUID booking) {
        return answers.matching(record -> booking.toString().equals(record.key()));
    }

    private void awaitBalance(String pass, int balance) {
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/passes/" + pass).token(manager)
                .send().json().get("balance").asInt() == balance);
    }

    /** The pass's ledger, once the projection has caught up with as many movements. */
    private void assertLedger(String pass, String... movements) {
        List<String> ledger = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/passes/"
                + pass + "/ledger").token(manager).send().json().get("entries").findValuesAsString("movement"),
                found -> found.size() >= movements.length);
        assertThat(ledger).containsExactly(movements);
    }

    private List<String> passes(UUID member) {
        return http().get("/api/v1/passes?memberId=" + member).token(manager).send().json().get("items")
                .findValuesAsString("id");
    }
}
