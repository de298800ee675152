package io.palestra.booking;

import io.palestra.events.members.MemberBlacklisted;
import io.palestra.events.subscriptions.CreditConsumed;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Courts on a real PostgreSQL and Kafka: a slot held, published and paid like a class seat, never two overlapping
 * bookings however many try at once, the day's availability, players on one booking, cancellation, and the same slot
 * every week skipping a taken one.
 */
class ResourcesIT extends BookingServiceTest {

    private static final Instant WEDNESDAY_SIX_PM = Instant.parse("2027-01-20T17:00:00Z");

    @Test
    void aSlotIsHeldPaidListedWithItsPlayersAndFreedByItsCancellation() {
        String court = court();
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");

        Http.Response booked = http().post("/api/v1/resources/" + court + "/bookings", """
                {"memberId": "%s", "startsAt": "%s", "minutes": 90, "players": ["%s"]}"""
                .formatted(anne, WEDNESDAY_SIX_PM, bruno)).token(manager).send();
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        JsonNode slot = booked.json();
        assertThat(slot.get("players").valueStream().map(JsonNode::asString)).containsExactly(anne.toString(),
                bruno.toString());
        String booking = slot.get("bookingId").asString();
        JsonNode seat = await().atMost(Duration.ofSeconds(30)).until(() -> bookingsTopic.matching(record ->
                        "palestra.bookings.SeatReserved.v1".equals(TopicReader.header(record, "ce_type"))
                                && JSON.readTree(record.value()).get("bookingId").asString().equals(booking)),
                found -> found.size() == 1).stream().map(record -> JSON.readTree(record.value())).findFirst()
                .orElseThrow();
        assertThat(seat.get("activityType").asString()).isEqualTo("padel");
        PublishedEvents.publish(new CreditConsumed(organization, UUID.fromString(booking),
                UUID.fromString(seat.get("sessionId").asString()), anne, "pass", UUID.randomUUID(), 1, 9,
                clock.instant()), booking);
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/resources/bookings/" + booking)
                .token(manager).send().json().get("status").asString().equals("booked"));

        JsonNode day = http().get("/api/v1/resources/" + court + "/availability?date=2027-01-20").token(manager)
                .send().json();
        assertThat(day.get("taken")).hasSize(1);
        assertThat(day.get("free").valueStream().map(free -> free.get("startsAt").asString() + "/"
                + free.get("minutes").asInt())).contains("2027-01-20T07:00:00Z/60", "2027-01-20T18:30:00Z/90")
                .doesNotContain("2027-01-20T17:30:00Z/60", "2027-01-20T16:00:00Z/90");

        assertProblem(http().post("/api/v1/resources/" + court + "/bookings", """
                {"memberId": "%s", "startsAt": "2027-01-20T18:00:00Z", "minutes": 60}""".formatted(bruno))
                .token(manager).send(), 422, "slot-taken");
        Http.Response cancelled = http().post("/api/v1/resources/bookings/" + booking + "/cancellation",
                "{\"recredit\": true, \"reason\": \"rain\"}").token(manager).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        Http.Response again = http().post("/api/v1/resources/" + court + "/bookings", """
                {"memberId": "%s", "startsAt": "2027-01-20T18:00:00Z", "minutes": 60}""".formatted(bruno))
                .token(manager).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
    }

    @Test
    void twentyPeopleBookingOverlappingSlotsAtOnceLeaveExactlyOneBooking() {
        String court = court();
        List<UUID> members = IntStream.range(0, 20).mapToObj(i -> member("Player", "N" + i)).toList();
        ExecutorService crowd = Executors.newFixedThreadPool(20);
        List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < members.size(); i++) {
                Instant start = WEDNESDAY_SIX_PM.plusSeconds(1800L * (i % 3));
                UUID member = members.get(i);
                answers.add(CompletableFuture.supplyAsync(() -> http().post("/api/v1/resources/" + court
                        + "/bookings", """
                        {"memberId": "%s", "startsAt": "%s", "minutes": 90}""".formatted(member, start))
                        .token(manager).send(), crowd));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        } finally {
            crowd.shutdown();
        }
        List<Http.Response> held = answers.stream().map(CompletableFuture::join)
                .filter(answer -> answer.status() == 202).toList();
        assertThat(held).hasSize(1);
        assertThat(answers.stream().map(CompletableFuture::join).filter(answer -> answer.status() != 202))
                .allSatisfy(answer -> assertThat(answer.json().get("code").asString()).isEqualTo("slot-taken"));
        assertThat(http().get("/api/v1/resources/" + court + "/bookings?date=2027-01-20").token(manager).send()
                .json()).hasSize(1);
    }

    @Test
    void theSameSlotEveryWeekSkipsAWeekAlreadyTaken() {
        String court = court();
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        http().post("/api/v1/resources/" + court + "/bookings", """
                {"memberId": "%s", "startsAt": "%s", "minutes": 60}"""
                .formatted(bruno, WEDNESDAY_SIX_PM.plus(Duration.ofDays(7)))).token(manager).send();

        Http.Response series = http().post("/api/v1/resources/" + court + "/bookings/series", """
                {"memberId": "%s", "startsAt": "%s", "minutes": 60, "weeks": 4}"""
                .formatted(anne, WEDNESDAY_SIX_PM)).token(manager).send();
        assertThat(series.status()).as(series.toString()).isEqualTo(201);
        assertThat(series.json().get("bookings")).hasSize(3);
        assertThat(series.json().get("skipped")).singleElement().satisfies(skip -> {
            assertThat(skip.get("startsAt").asString()).isEqualTo("2027-01-27T17:00:00Z");
            assertThat(skip.get("reason").asString()).isEqualTo("slot-taken");
        });
    }

    @Test
    void onlineSlotsKeepTheWindowAndTheBlacklistAndAMembersHistoryListsWhatTheyBookedAndPlayIn() {
        String court = court(", \"opensDaysBefore\": 7, \"closesMinutesBefore\": 60, \"lateCancelMinutes\": 1440");
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        UUID period = UUID.randomUUID();
        PublishedEvents.publish(new MemberBlacklisted(organization, anne, period, LocalDate.parse("2027-01-19"),
                LocalDate.parse("2027-01-21")), anne);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM blacklist_period WHERE period_id = ?").param(period).query(Long.class)
                .single() == 1);
        String wednesday = """
                {"memberId": "%s", "startsAt": "%s", "minutes": 60}""".formatted(anne, WEDNESDAY_SIX_PM);

        assertProblem(http().post("/api/v1/resources/" + court + "/bookings", wednesday).token(integration).send(),
                422, "member-blacklisted");
        Http.Response atTheDesk = http().post("/api/v1/resources/" + court + "/bookings", wednesday).token(manager)
                .send();
        assertThat(atTheDesk.status()).as(atTheDesk.toString()).isEqualTo(202);
        Http.Response thursday = http().post("/api/v1/resources/" + court + "/bookings", """
                {"memberId": "%s", "startsAt": "2027-01-21T17:00:00Z", "minutes": 60, "players": ["%s"]}"""
                .formatted(bruno, anne)).token(integration).send();
        assertThat(thursday.status()).as(thursday.toString()).isEqualTo(202);
        assertThat(thursday.json().get("channel").asString()).isEqualTo("online");
        assertProblem(http().post("/api/v1/resources/" + court + "/bookings", """
                {"memberId": "%s", "startsAt": "2027-01-22T17:00:00Z", "minutes": 60}""".formatted(bruno))
                .token(integration).send(), 422, "booking-not-open");
        String thursdayBooking = thursday.json().get("bookingId").asString();
        Http.Response cancelled = http().post("/api/v1/resources/bookings/" + thursdayBooking + "/cancellation", "{}")
                .token(integration).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("recredit").asBoolean()).isTrue();
        assertThat(cancelled.json().get("late").asBoolean()).isFalse();

        JsonNode annes = http().get("/api/v1/resources/bookings?memberId=" + anne).token(manager).send().json();
        assertThat(annes.get("items").valueStream().map(item -> item.get("startsAt").asString() + " "
                + item.get("status").asString())).containsExactly("2027-01-21T17:00:00Z cancelled",
                "2027-01-20T17:00:00Z pending");
        assertThat(http().get("/api/v1/resources/bookings?memberId=" + bruno + "&from=2027-01-21T00:00:00Z")
                .token(manager).send().json().get("items")).singleElement()
                .satisfies(item -> assertThat(item.get("bookingId").asString()).isEqualTo(thursdayBooking));
        assertProblem(http().get("/api/v1/resources/bookings?memberId=" + UUID.randomUUID()).token(manager).send(),
                404, "member-not-found");
    }

    private String court() {
        return court("");
    }

    private String court(String onlineRules) {
        Http.Response defined = http().post("/api/v1/resources", """
                {"siteId": "%s", "name": "Padel 1", "kind": "court", "activityType": "padel",
                 "hours": [{"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], "opens": "08:00",
                            "closes": "22:00"}],
                 "slotMinutes": [60, 90], "startEvery": 30, "credits": 1, "maxPlayers": 4%s}"""
                .formatted(lyon, onlineRules))
                .token(manager).send();
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return defined.json().get("resourceId").asString();
    }
}
