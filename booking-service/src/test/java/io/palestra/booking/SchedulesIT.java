package io.palestra.booking;

import io.palestra.booking.schedule.ScheduleHorizon;
import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules through the API on a real PostgreSQL and Kafka: a series planned from a recurrence rule in the site's
 * time zone around a closed day, edited from a date on (a booking kept on a moved session, a dropped day cancelled),
 * a site closed afterwards, and the series ended (its bookings re-credited); an open-ended series kept a year ahead.
 */
class SchedulesIT extends BookingServiceTest {

    @Autowired
    private ScheduleHorizon horizon;

    @Test
    void aSeriesIsPlannedAroundClosuresEditedFromADayClosedAndEnded() {
        Http.Response closed = http().post("/api/v1/schedules/closures", """
                {"siteId": "%s", "from": "2027-01-27", "until": "2027-01-27", "reason": "inventaire"}"""
                .formatted(lyon)).token(manager).send();
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);

        Http.Response created = http().post("/api/v1/schedules", """
                {"siteId": "%s", "firstDay": "2027-01-18", "rule": "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270203",
                 "session": {"activityType": "yoga", "room": "Studio 1", "startTime": "07:00", "durationMinutes": 60,
                             "capacity": 12, "waitlist": "ordered", "lateCancelMinutes": 720}}"""
                .formatted(lyon)).token(manager).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String schedule = created.json().get("scheduleId").asString();
        assertThat(created.json().get("sessions").asInt()).isEqualTo(5);

        List<JsonNode> sessions = sessions(schedule, 5);
        assertThat(sessions.stream().map(session -> session.get("startsAt").asString())).containsExactly(
                "2027-01-18T06:00:00Z", "2027-01-20T06:00:00Z", "2027-01-25T06:00:00Z", "2027-02-01T06:00:00Z",
                "2027-02-03T06:00:00Z");
        String monday25 = sessions.get(2).get("sessionId").asString();
        UUID anne = member("Anne", "Martin");
        clock.set(TODAY.plus(Duration.ofDays(5)));
        String booking = bookAndPay(monday25, anne);

        Http.Response revised = http().post("/api/v1/schedules/" + schedule + "/revisions", """
                {"from": "2027-01-25", "rule": "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270203",
                 "session": {"activityType": "yoga", "room": "Studio 2", "startTime": "18:00", "durationMinutes": 60,
                             "capacity": 15, "waitlist": "ordered", "lateCancelMinutes": 720}}""").token(manager)
                .send();
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("sessions").asInt()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(schedule, "2027-02-03T06:00:00Z")
                .equals("cancelled"));
        JsonNode moved = await().atMost(Duration.ofSeconds(30)).until(() -> session(schedule,
                "2027-01-25T17:00:00Z"), found -> found != null);
        assertThat(moved.get("room").asString()).isEqualTo("Studio 2");
        assertThat(moved.get("capacity").asInt()).isEqualTo(15);
        assertThat(awaitStatus(booking, "booked").get("startsAt").asString()).isEqualTo("2027-01-25T17:00:00Z");

        http().post("/api/v1/schedules/closures", """
                {"siteId": "%s", "from": "2027-02-01", "until": "2027-02-01", "reason": "travaux"}"""
                .formatted(lyon)).token(manager).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(schedule, "2027-02-01T17:00:00Z")
                .equals("cancelled"));

        Http.Response ended = http().post("/api/v1/schedules/" + schedule + "/end", "{\"from\": \"2027-01-25\"}")
                .token(manager).send();
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().get("endedFrom").asString()).isEqualTo("2027-01-25");
        assertThat(awaitStatus(booking, "cancelled").get("recredit").asBoolean()).isTrue();
        assertThat(status(schedule, "2027-01-18T06:00:00Z")).isEqualTo("scheduled");

        assertProblem(http().post("/api/v1/schedules", """
                {"siteId": "%s", "firstDay": "2027-01-18", "rule": "EVERY MONDAY",
                 "session": {"activityType": "yoga", "startTime": "07:00", "durationMinutes": 60, "capacity": 12}}"""
                .formatted(lyon)).token(manager).send(), 400, "validation-failed");
        assertProblem(http().get("/api/v1/schedules/" + schedule).token(token(UUID.randomUUID(), "manager")).send(),
                404, "schedule-not-found");
    }

    @Test
    void aRecurringBookingBooksEveryComingOccurrenceSkippingConflictsAndFullSessions() {
        Http.Response created = http().post("/api/v1/schedules", """
                {"siteId": "%s", "firstDay": "2027-01-18", "rule": "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4",
                 "session": {"activityType": "pilates", "startTime": "12:30", "durationMinutes": 45, "capacity": 1}}"""
                .formatted(lyon)).token(manager).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String schedule = created.json().get("scheduleId").asString();
        List<String> ids = sessions(schedule, 4).stream().map(session -> session.get("sessionId").asString())
                .toList();
        UUID anne = member("Anne", "Martin");
        UUID bruno = member("Bruno", "Petit");
        bookAndPay(ids.get(1), anne);
        bookAndPay(ids.get(2), bruno);
        Http.Response overlapping = http().post("/api/v1/sessions", """
                {"siteId": "%s", "activityType": "yoga", "startsAt": "2027-01-27T11:00:00Z",
                 "endsAt": "2027-01-27T12:00:00Z", "capacity": 5}""".formatted(lyon)).token(manager).send();
        bookAndPay(overlapping.json().get("sessionId").asString(), anne);

        Http.Response series = http().post("/api/v1/bookings/series", """
                {"scheduleId": "%s", "memberId": "%s"}""".formatted(schedule, anne)).token(manager).send();
        assertThat(series.status()).as(series.toString()).isEqualTo(201);
        assertThat(series.json().get("bookings")).singleElement().satisfies(booking -> {
            assertThat(booking.get("sessionId").asString()).isEqualTo(ids.get(0));
            assertThat(booking.get("status").asString()).isEqualTo("pending");
        });
        assertThat(series.json().get("skipped").valueStream().map(skip -> skip.get("reason").asString()))
                .containsExactly("conflict", "session-full", "conflict");
        await().atMost(Duration.ofSeconds(30)).until(() -> published(ids.get(0), "SeatReserved").size() == 1);
    }

    @Test
    void aScheduleWithoutAnEndIsPlannedAYearAheadAndExtendedAsTimeGoesBy() {
        Http.Response created = http().post("/api/v1/schedules", """
                {"siteId": "%s", "firstDay": "2027-01-18", "rule": "FREQ=WEEKLY;BYDAY=MO",
                 "session": {"activityType": "pilates", "startTime": "12:30", "durationMinutes": 45,
                             "capacity": 8}}""".formatted(lyon)).token(manager).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String schedule = created.json().get("scheduleId").asString();
        assertThat(created.json().get("sessions").asInt()).isEqualTo(53);
        assertThat(sessions(schedule, 53).get(52).get("startsAt").asString()).isEqualTo("2028-01-17T11:30:00Z");

        clock.set(TODAY.plus(Duration.ofDays(60)));
        horizon.extend();
        horizon.extend();
        List<JsonNode> extended = sessions(schedule, 61);
        assertThat(extended.get(60).get("startsAt").asString()).isEqualTo("2028-03-13T11:30:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/schedules/" + schedule)
                .token(manager).send().json().get("sessions").asInt() == 61);

        http().post("/api/v1/schedules/" + schedule + "/end", "{\"from\": \"2027-06-07\"}").token(manager).send();
        clock.set(TODAY.plus(Duration.ofDays(120)));
        horizon.extend();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(schedule, "2027-06-07T10:30:00Z")
                .equals("cancelled"));
        assertThat(sessions(schedule, 61)).noneMatch(session -> session.get("startsAt").asString()
                .startsWith("2028-05"));
    }

    private List<JsonNode> sessions(String schedule, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/sessions?limit=500&scheduleId="
                        + schedule).token(manager).send().json().get("items").valueStream().toList(),
                found -> found.size() == count);
    }

    private JsonNode session(String schedule, String startsAt) {
        return http().get("/api/v1/sessions?scheduleId=" + schedule).token(manager).send().json().get("items")
                .valueStream().filter(session -> session.get("startsAt").asString().equals(startsAt)).findFirst()
                .orElse(null);
    }

    private String status(String schedule, String startsAt) {
        JsonNode session = session(schedule, startsAt);
        return session == null ? "absent" : session.get("status").asString();
    }
}
