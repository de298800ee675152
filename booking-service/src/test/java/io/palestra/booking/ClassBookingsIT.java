package io.palestra.booking;

import io.palestra.test.Http;
import io.palestra.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Class bookings on a real PostgreSQL and Kafka: the seat held and published, subscription-service's answer
 * confirming or refusing it, the waitlist and its promotions, cancellations and what they give back.
 */
class ClassBookingsIT extends BookingServiceTest {

    @Test
    void aHeldSeatIsPublishedAndConfirmedByWhatPays() {
        String session = session(10, "ordered");
        UUID anne = member("Anne", "Martin");

        Http.Response booked = book(session, anne, manager);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        assertThat(booked.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/api/v1/bookings/" + booked.json().get("bookingId").asString()));
        JsonNode pending = booked.json();
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("channel").asString()).isEqualTo("staff");
        String booking = pending.get("bookingId").asString();

        JsonNode seat = await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "SeatReserved"),
                seats -> seats.size() == 1).get(0);
        assertThat(seat.get("bookingId").asString()).isEqualTo(booking);
        assertThat(seat.get("memberId").asString()).isEqualTo(anne.toString());
        assertThat(seat.get("activityType").asString()).isEqualTo("yoga");
        assertThat(seat.get("credits").asInt()).isEqualTo(1);

        pay(session, booking, anne);
        pay(session, booking, anne);
        JsonNode confirmed = awaitStatus(booking, "booked");
        assertThat(confirmed.get("paidBy").asString()).isEqualTo("pass");
        assertThat(confirmed.get("firstName").asString()).isEqualTo("Anne");
        await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "BookingConfirmed").size() == 1);

        JsonNode sessionNow = http().get("/api/v1/sessions/" + session).token(manager).send().json();
        assertThat(sessionNow.get("booked").asInt()).isEqualTo(1);
        assertThat(sessionNow.get("freeSeats").asInt()).isEqualTo(9);
        assertProblem(book(session, anne, manager), 422, "already-booked");
    }

    @Test
    void aRefusalFreesTheSeatForTheFirstInLineAndPositionsStayRight() {
        String session = session(1, "ordered");
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        UUID chloe = member("Chloé", "Durand");
        UUID denis = member("Denis", "Moreau");

        String anneBooking = book(session, anne, manager).json().get("bookingId").asString();
        Http.Response brunoWaits = book(session, bruno, manager);
        assertThat(brunoWaits.status()).as(brunoWaits.toString()).isEqualTo(201);
        assertThat(brunoWaits.json().get("status").asString()).isEqualTo("waitlisted");
        assertThat(brunoWaits.json().get("position").asInt()).isEqualTo(1);
        String brunoBooking = brunoWaits.json().get("bookingId").asString();
        String chloeBooking = book(session, chloe, manager).json().get("bookingId").asString();
        JsonNode denisWaits = book(session, denis, manager).json();
        assertThat(denisWaits.get("position").asInt()).isEqualTo(3);

        Http.Response left = http().post("/api/v1/bookings/" + chloeBooking + "/cancellation", "{}").token(manager)
                .send();
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().get("status").asString()).isEqualTo("left-waitlist");
        JsonNode roster = http().get("/api/v1/sessions/" + session + "/roster").token(manager).send().json();
        assertThat(roster.get("waitlist").valueStream().map(waiting -> waiting.get("firstName").asString()
                + "#" + waiting.get("position").asInt())).containsExactly("Bruno#1", "Denis#2");

        refuse(session, anneBooking, anne, "no-credits-left");
        awaitStatus(anneBooking, "refused");
        JsonNode promoted = awaitStatus(brunoBooking, "pending");
        assertThat(promoted.has("position")).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "SeatReserved").stream()
                .anyMatch(seat -> seat.get("bookingId").asString().equals(brunoBooking)));
        JsonNode denisNow = http().get("/api/v1/bookings/" + denisWaits.get("bookingId").asString()).token(manager)
                .send().json();
        assertThat(denisNow.get("position").asInt()).isEqualTo(1);
        assertThat(published(session, "BookingRefused")).singleElement().satisfies(refused ->
                assertThat(refused.get("reason").asString()).isEqualTo("no-credits-left"));
    }

    @Test
    void staffChooseToReCreditAndNotifyAndOnlineLateCancellationsGetNothingBack() {
        String session = session(5, "off");
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        String anneBooking = bookAndPay(session, anne);
        String brunoBooking = bookAndPay(session, bruno);

        Http.Response cancelled = http().post("/api/v1/bookings/" + anneBooking + "/cancellation",
                "{\"recredit\": false, \"notifyMember\": false, \"reason\": \"no-show policy\"}").token(manager)
                .send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("recredit").asBoolean()).isFalse();
        assertThat(cancelled.json().get("cancelledBy").asString()).isEqualTo("alice");

        clock.set(CLASS_STARTS.minus(Duration.ofHours(2)));
        Http.Response late = http().post("/api/v1/bookings/" + brunoBooking + "/cancellation", "{}")
                .token(integration).send();
        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        assertThat(late.json().get("recredit").asBoolean()).isFalse();
        assertThat(late.json().get("late").asBoolean()).isTrue();

        JsonNode[] facts = await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "BookingCancelled"),
                found -> found.size() == 2).toArray(JsonNode[]::new);
        assertThat(facts[0].get("recredit").asBoolean()).isFalse();
        assertThat(facts[0].get("notifyMember").asBoolean()).isFalse();
        assertThat(facts[0].get("reason").asString()).isEqualTo("no-show policy");
        assertThat(facts[1].get("recredit").asBoolean()).isFalse();
        assertThat(facts[1].get("reason").asString()).isEqualTo("member");

        JsonNode history = http().get("/api/v1/bookings?memberId=" + anne).token(manager).send().json();
        assertThat(history.get("items")).singleElement().satisfies(booking ->
                assertThat(booking.get("status").asString()).isEqualTo("cancelled"));
        assertProblem(http().post("/api/v1/bookings/" + anneBooking + "/cancellation", "{}").token(manager).send(),
                422, "not-booked");
    }

    @Test
    void aCancelledSessionGivesEveryoneTheirCreditBackAndTakesNoMoreBookings() {
        String session = session(1, "ordered");
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        String anneBooking = bookAndPay(session, anne);
        String brunoBooking = book(session, bruno, manager).json().get("bookingId").asString();

        Http.Response cancelled = http().post("/api/v1/sessions/" + session + "/cancellation",
                "{\"reason\": \"coach ill\"}").token(manager).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("booked").asInt()).isZero();
        assertThat(awaitStatus(anneBooking, "cancelled").get("recredit").asBoolean()).isTrue();
        awaitStatus(brunoBooking, "left-waitlist");

        await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "SessionCancelled").size() == 1
                && published(session, "WaitlistLeft").size() == 1);
        assertThat(published(session, "BookingCancelled")).singleElement().satisfies(fact -> {
            assertThat(fact.get("bookingId").asString()).isEqualTo(anneBooking);
            assertThat(fact.get("recredit").asBoolean()).isTrue();
            assertThat(fact.get("reason").asString()).isEqualTo("session-cancelled: coach ill");
        });
        assertProblem(book(session, member("Chloé", "Durand"), manager), 422, "session-cancelled");
        assertProblem(http().post("/api/v1/sessions/" + session + "/cancellation", "{}")
                .token(token(organization, "front-desk")).send(), 403, "forbidden");
    }

    @Test
    void moreSeatsPromoteTheLineAndARescheduleReleasesTheBookingsWithTheirCredit() {
        String session = session(1, "ordered");
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        String anneBooking = bookAndPay(session, anne);
        String brunoBooking = book(session, bruno, manager).json().get("bookingId").asString();
        String etag = http().get("/api/v1/sessions/" + session).token(manager).send().header("ETag").orElseThrow();

        Http.Response bigger = http().put("/api/v1/sessions/" + session, revision(CLASS_STARTS, 2, false))
                .header("If-Match", etag).token(manager).send();
        assertThat(bigger.status()).as(bigger.toString()).isEqualTo(200);
        assertThat(bigger.json().get("capacity").asInt()).isEqualTo(2);
        awaitStatus(brunoBooking, "pending");
        assertProblem(http().put("/api/v1/sessions/" + session, revision(CLASS_STARTS, 3, false))
                .header("If-Match", etag).token(manager).send(), 412, "precondition-failed");
        assertProblem(http().put("/api/v1/sessions/" + session, revision(CLASS_STARTS, 1, false)).token(manager)
                .send(), 422, "capacity-below-bookings");

        Instant later = CLASS_STARTS.plus(Duration.ofHours(2));
        Http.Response moved = http().put("/api/v1/sessions/" + session, revision(later, 2, false)).token(manager)
                .send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("startsAt").asString()).isEqualTo(later.toString());
        assertThat(awaitStatus(anneBooking, "cancelled").get("recredit").asBoolean()).isTrue();
        awaitStatus(brunoBooking, "cancelled");
        await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "SessionRevised").size() == 2);
        assertThat(published(session, "SessionRevised").get(1).get("rescheduled").asBoolean()).isTrue();
        assertThat(published(session, "BookingCancelled")).hasSize(2).allSatisfy(fact ->
                assertThat(fact.get("reason").asString()).isEqualTo("session-rescheduled"));
    }

    private static String revision(Instant startsAt, int capacity, boolean keepBookings) {
        return """
                {"room": "Studio 2", "startsAt": "%s", "endsAt": "%s", "capacity": %d, "credits": 1,
                 "waitlist": "ordered", "lateCancelMinutes": 720, "keepBookings": %s}""".formatted(startsAt,
                startsAt.plus(Duration.ofHours(1)), capacity, keepBookings);
    }

    @Test
    void staffMarkAttendanceAndTheDeskChecksInBookedMembersAndWalkIns() {
        String session = session(3, "off");
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        UUID chloe = member("Chloé", "Durand");
        String anneBooking = bookAndPay(session, anne);
        String brunoBooking = bookAndPay(session, bruno);
        String coach = token(organization, "coach");

        Http.Response absent = http().post("/api/v1/bookings/" + brunoBooking + "/attendance",
                "{\"attendance\": \"absent\"}").token(coach).send();
        assertThat(absent.status()).as(absent.toString()).isEqualTo(200);
        assertThat(absent.json().get("status").asString()).isEqualTo("no-show");
        Http.Response takenBack = http().post("/api/v1/bookings/" + brunoBooking + "/attendance",
                "{\"attendance\": null}").token(coach).send();
        assertThat(takenBack.json().get("status").asString()).isEqualTo("booked");

        clock.set(CLASS_STARTS.minus(Duration.ofMinutes(10)));
        Http.Response checkedIn = http().post("/api/v1/sessions/" + session + "/check-ins",
                "{\"memberId\": \"" + anne + "\"}").token(token(organization, "front-desk")).send();
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        assertThat(checkedIn.json().get("bookingId").asString()).isEqualTo(anneBooking);
        assertThat(checkedIn.json().get("status").asString()).isEqualTo("attended");
        assertThat(checkedIn.json().get("checkedInAt").asString()).isNotBlank();

        Http.Response walkIn = http().post("/api/v1/sessions/" + session + "/check-ins",
                "{\"memberId\": \"" + chloe + "\"}").token(token(organization, "front-desk")).send();
        assertThat(walkIn.status()).as(walkIn.toString()).isEqualTo(202);
        assertThat(walkIn.json().get("walkIn").asBoolean()).isTrue();
        String walkInBooking = walkIn.json().get("bookingId").asString();
        pay(session, walkInBooking, chloe);
        awaitStatus(walkInBooking, "attended");

        await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "AttendanceMarked").size() == 4);
        JsonNode occupancy = http().get("/api/v1/sessions/occupancy?from=2027-01-17&to=2027-01-18&siteId=" + lyon)
                .token(token(organization, "analyst")).send().json();
        assertThat(occupancy.get("rows")).singleElement().satisfies(row -> {
            assertThat(row.get("day").asString()).isEqualTo("2027-01-17");
            assertThat(row.get("sessions").asInt()).isEqualTo(1);
            assertThat(row.get("seats").asInt()).isEqualTo(3);
            assertThat(row.get("booked").asInt()).isEqualTo(3);
            assertThat(row.get("attended").asInt()).isEqualTo(2);
            assertThat(row.get("fillRate").asDouble()).isEqualTo(1.0);
        });
        OccupancyFromTopic fromTopic = new OccupancyFromTopic(ZoneId.of("Europe/Paris"));
        bookingsTopic.matching(record -> session.equals(record.key())).forEach(record -> fromTopic.fold(
                TopicReader.header(record, "ce_type"), JSON.readTree(record.value())));
        JsonNode row = occupancy.get("rows").get(0);
        assertThat(fromTopic.report()).as("occupancy rebuilt from the topic alone").containsExactly(Map.entry(
                new OccupancyFromTopic.Key(lyon.toString(), "yoga", null, LocalDate.parse(row.get("day").asString())),
                new OccupancyFromTopic.Counts(row.get("sessions").asInt(), row.get("seats").asInt(),
                        row.get("booked").asInt(), row.get("attended").asInt(), row.get("noShows").asInt())));
        JsonNode history = http().get("/api/v1/bookings?memberId=" + chloe + "&status=attended").token(manager)
                .send().json();
        assertThat(history.get("items")).singleElement().satisfies(booking ->
                assertThat(booking.get("walkIn").asBoolean()).isTrue());
        assertProblem(http().post("/api/v1/sessions/" + session + "/check-ins",
                "{\"memberId\": \"" + member("Denis", "Moreau") + "\"}").token(manager).send(), 422,
                "session-full");
    }

    @Test
    void firstComeFirstServedOffersAFreedSeatToEveryoneWaiting() {
        String session = session(1, "waiting");
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        String anneBooking = bookAndPay(session, anne);
        JsonNode waiting = book(session, bruno, manager).json();
        assertThat(waiting.get("status").asString()).isEqualTo("waitlisted");
        assertThat(waiting.has("position")).isFalse();
        String brunoBooking = waiting.get("bookingId").asString();
        assertProblem(http().post("/api/v1/bookings/" + brunoBooking + "/seat", "").token(manager).send(), 422,
                "no-seat-free");

        http().post("/api/v1/bookings/" + anneBooking + "/cancellation", "{}").token(manager).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "WaitlistSeatOffered").size() == 1);
        Http.Response taken = http().post("/api/v1/bookings/" + brunoBooking + "/seat", "").token(manager).send();
        assertThat(taken.status()).as(taken.toString()).isEqualTo(202);
        assertThat(taken.json().get("status").asString()).isEqualTo("pending");
    }
}
