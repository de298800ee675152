package io.palestra.booking;

import io.palestra.events.members.MemberAnonymized;
import io.palestra.events.members.MemberBlacklistLifted;
import io.palestra.events.members.MemberBlacklisted;
import io.palestra.events.members.MembersMerged;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may book, from members-service's events: blacklisted members not online but at the desk, merged records
 * through their survivor, erased members not at all and without a name on rosters; and nobody outside the
 * organisation. Bad input changes nothing.
 */
class WhoMayBookIT extends BookingServiceTest {

    @Test
    void aBlacklistedMemberCannotBookOnlineButStaffCanStillBookThem() {
        String session = session(10, "ordered");
        UUID anne = member("Anne", "Martin");
        UUID period = UUID.randomUUID();
        PublishedEvents.publish(new MemberBlacklisted(organization, anne, period, LocalDate.parse("2027-01-10"),
                LocalDate.parse("2027-01-17")), anne);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM blacklist_period WHERE period_id = ?").param(period).query(Long.class)
                .single() == 1);

        assertProblem(book(session, anne, integration), 422, "member-blacklisted");
        assertThat(published(session, "SeatReserved")).isEmpty();
        Http.Response atTheDesk = book(session, anne, manager);
        assertThat(atTheDesk.status()).as(atTheDesk.toString()).isEqualTo(202);

        PublishedEvents.publish(new MemberBlacklistLifted(organization, anne, period), anne);
        UUID bruno = member("Bruno", "Petit");
        PublishedEvents.publish(new MemberBlacklisted(organization, bruno, UUID.randomUUID(),
                LocalDate.parse("2027-01-18"), null), bruno);
        Http.Response online = book(session, bruno, integration);
        assertThat(online.status()).as(online.toString()).isEqualTo(202);
        assertThat(online.json().get("channel").asString()).isEqualTo("online");
    }

    @Test
    void aMergedRecordBooksThroughItsSurvivorAndItsHistoryIsTheSurvivors() {
        String session = session(10, "ordered");
        String earlier = session(10, "ordered");
        UUID survivor = member("Anne", "Martin");
        UUID duplicate = member("Anne", "Martinn");
        String old = bookAndPay(earlier, duplicate);

        PublishedEvents.publish(new MembersMerged(organization, survivor, duplicate, "M-DUP", TODAY), duplicate);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT merged_into FROM member_copy WHERE member_id = ?").param(duplicate).query(UUID.class)
                .optional().isPresent());

        assertProblem(book(session, duplicate, integration), 422, "member-merged");
        JsonNode booked = book(session, duplicate, manager).json();
        assertThat(booked.get("memberId").asString()).isEqualTo(survivor.toString());
        JsonNode history = http().get("/api/v1/bookings?memberId=" + survivor).token(manager).send().json();
        assertThat(history.get("items").valueStream().map(item -> item.get("bookingId").asString()))
                .contains(old, booked.get("bookingId").asString());
        JsonNode roster = http().get("/api/v1/sessions/" + earlier + "/roster").token(manager).send().json();
        assertThat(roster.get("booked").get(0).get("lastName").asString()).isEqualTo("Martin");
    }

    @Test
    void anErasedMemberIsScrubbedFromRostersAndTakesNoBookings() {
        String session = session(10, "ordered");
        UUID anne = member("Anne", "Martin");
        bookAndPay(session, anne);

        PublishedEvents.publish(new MemberAnonymized(organization, anne, TODAY), anne);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode roster = http().get("/api/v1/sessions/" + session + "/roster").token(manager).send().json();
            return roster.get("booked").size() == 1 && !roster.get("booked").get(0).has("lastName");
        });
        assertProblem(book(session(5, "off"), anne, manager), 422, "member-erased");
    }

    @Test
    void nobodyOutsideTheOrganisationSeesOrBooksAndBadInputChangesNothing() {
        String session = session(10, "ordered");
        UUID anne = member("Anne", "Martin");
        String booking = bookAndPay(session, anne);
        String stranger = token(UUID.randomUUID(), "manager");

        assertProblem(http().get("/api/v1/sessions/" + session).token(stranger).send(), 404, "session-not-found");
        assertProblem(http().get("/api/v1/bookings/" + booking).token(stranger).send(), 404, "booking-not-found");
        assertProblem(book(session, anne, stranger), 404, "session-not-found");
        assertProblem(http().get("/api/v1/bookings?memberId=" + anne).token(stranger).send(), 404,
                "member-not-found");
        assertProblem(book(session, UUID.randomUUID(), manager), 404, "member-not-found");

        long sessions = jdbc.sql("SELECT count(*) FROM session_view").query(Long.class).single();
        assertProblem(http().post("/api/v1/sessions", """
                        {"siteId": "%s", "activityType": "yoga", "startsAt": "2027-01-17T18:00:00Z",
                         "endsAt": "2027-01-17T17:00:00Z", "capacity": 0}""".formatted(lyon))
                .token(manager).send(), 400, "validation-failed");
        assertProblem(http().post("/api/v1/sessions", """
                        {"siteId": "%s", "activityType": "yoga", "startsAt": "2027-01-17T18:00:00Z",
                         "endsAt": "2027-01-17T19:00:00Z", "capacity": 10}""".formatted(UUID.randomUUID()))
                .token(manager).send(), 400, "validation-failed");
        assertProblem(http().post("/api/v1/sessions/" + session + "/bookings",
                "{\"memberId\": \"" + anne + "\", \"channel\": \"online\"}").token(manager).send(), 400,
                "validation-failed");
        assertThat(http().post("/api/v1/sessions", """
                        {"siteId": "%s", "activityType": "yoga", "startsAt": "2027-01-17T18:00:00Z",
                         "endsAt": "2027-01-17T19:00:00Z", "capacity": 10}""".formatted(lyon))
                .token(token(organization, "front-desk")).send().status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM session_view").query(Long.class).single()).isEqualTo(sessions);
    }
}
