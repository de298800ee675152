package io.palestra.e2e;

import io.palestra.test.Http;
import io.palestra.test.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Class bookings through the gateway with every service running: a morning rush on one class paid by class cards in
 * subscription-service, promotions from the waitlist when booked members cancel (with and without their credit back),
 * and a blacklisted member refused online but booked at the desk.
 */
class BookingJourneysIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static BenchmarkPlatform platform;
    private static Http gateway;
    private static UUID organization;
    private static UUID lyon;
    private static String owner;
    private static String frontDesk;
    private static String app;
    private static String classCard;

    @BeforeAll
    static void startThePlatformWithAStudioSellingClassCards() throws IOException {
        platform = BenchmarkPlatform.shared();
        gateway = platform.gateway();
        BenchmarkPlatform.Club club = platform.club("Studio Zen");
        organization = club.organization();
        lyon = club.lyon();
        owner = token("owner");
        frontDesk = token("front-desk");
        app = token("integration");
        String card = """
                {"kind": "class-pack", "terms": {"name": "Carte 5 cours", "price": {"amount": "70", "currency": "EUR"},
                 "vatRate": 20, "credits": 5, "validityDays": 120, "activation": "sale", "activityTypes": ["yoga"]}}""";
        Http.Response drafted = await().atMost(Duration.ofSeconds(60)).until(
                () -> gateway.post("/api/v1/plans", card).token(owner).send(), answer -> answer.status() != 422);
        classCard = drafted.json().get("id").asString();
        assertThat(gateway.post("/api/v1/plans/" + classCard + "/publication", "").token(owner).send().status())
                .isEqualTo(200);
    }

    @Test
    void aMorningRushFillsTwentySeatsWithTwentyCreditsAndPromotesInLineOrderOnCancellations() {
        List<UUID> members = IntStream.range(0, 200).mapToObj(i -> member("Rush", "Member" + i)).toList();
        Map<UUID, String> passes = new HashMap<>();
        members.forEach(member -> passes.put(member, classCard(member)));
        members.forEach(BookingJourneysIT::awaitKnownToBookings);
        String session = session(20, Instant.now().plus(Duration.ofDays(2)));

        try (TopicReader answers = new TopicReader(platform.platform().kafkaBootstrapServers(),
                "palestra.subscriptions.events")) {
            List<JsonNode> bookings = rush(session, members);
            List<JsonNode> waiting = bookings.stream().filter(b -> status(b).equals("waitlisted")).toList();
            assertThat(bookings.stream().filter(b -> !status(b).equals("waitlisted"))).hasSize(20)
                    .allSatisfy(b -> assertThat(status(b)).isIn("booked", "pending"));
            assertThat(waiting).hasSize(180);
            assertThat(waiting.stream().map(b -> b.get("position").asInt()).sorted())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 180).boxed().toList());

            JsonNode roster = await().atMost(Duration.ofSeconds(60)).until(() -> roster(session),
                    found -> found.get("booked").valueStream().allMatch(b -> status(b).equals("booked")));
            assertThat(roster.get("booked")).hasSize(20);
            assertThat(creditAnswers(answers, session, "CreditConsumed")).hasSize(20);
            assertThat(creditAnswers(answers, session, "CreditRefused")).isEmpty();
            List<String> line = roster.get("waitlist").valueStream().map(b -> b.get("bookingId").asString()).toList();
            assertThat(line).containsExactlyElementsOf(waiting.stream()
                    .sorted((a, b) -> a.get("position").asInt() - b.get("position").asInt())
                    .map(b -> b.get("bookingId").asString()).toList());

            JsonNode refunded = roster.get("booked").get(0);
            cancel(refunded, "{\"recredit\": true}");
            awaitBooked(line.get(0));
            awaitBalance(passes, refunded, 5);
            JsonNode kept = roster.get("booked").get(1);
            cancel(kept, "{\"recredit\": false, \"notifyMember\": false}");
            awaitBooked(line.get(1));

            JsonNode after = roster(session);
            assertThat(after.get("booked").valueStream().map(b -> b.get("bookingId").asString()))
                    .hasSize(20).contains(line.get(0), line.get(1));
            assertThat(after.get("waitlist").get(0).get("bookingId").asString()).isEqualTo(line.get(2));
            assertThat(after.get("waitlist").get(0).get("position").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> creditAnswers(answers, session, "CreditConsumed")
                    .size() == 22 && creditAnswers(answers, session, "CreditRestored").size() == 1);
            awaitBalance(passes, kept, 4);
            JsonNode history = gateway.get("/api/v1/bookings?memberId=" + refunded.get("memberId").asString())
                    .token(frontDesk).send().json();
            assertThat(history.get("items")).singleElement().satisfies(b -> {
                assertThat(status(b)).isEqualTo("cancelled");
                assertThat(b.get("recredit").asBoolean()).isTrue();
            });
        }
    }

    @Test
    void aBlacklistedMemberIsRefusedOnlineButBookedAtTheDesk() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(1));
        String session = session(10, startsAt);
        UUID member = member("Noé", "Barré");
        classCard(member);
        LocalDate day = startsAt.atZone(ZoneId.of("Europe/Paris")).toLocalDate();
        Http.Response barred = gateway.post("/api/v1/members/" + member + "/blacklist-periods", """
                {"from": "%s", "until": "%s", "reason": "unpaid fees"}""".formatted(day.minusDays(1), day))
                .token(owner).send();
        assertThat(barred.status()).as(barred.toString()).isEqualTo(201);

        Http.Response online = await().atMost(Duration.ofSeconds(30)).until(() -> book(session, member, app),
                answer -> answer.status() == 422);
        assertThat(online.json().get("code").asString()).isEqualTo("member-blacklisted");
        Http.Response desk = book(session, member, frontDesk);
        assertThat(desk.status()).as(desk.toString()).isIn(201, 202);
        awaitBooked(desk.json().get("bookingId").asString());
    }

    @Test
    void aRecurringSeriesIsPlannedBookedAsAWholePaidPerSessionAndEndedWithTheCreditsBack() {
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(7)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        Http.Response created = gateway.post("/api/v1/schedules", """
                {"siteId": "%s", "firstDay": "%s", "rule": "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4",
                 "session": {"activityType": "yoga", "room": "Studio 1", "startTime": "07:00", "durationMinutes": 60,
                             "capacity": 12, "waitlist": "ordered"}}""".formatted(lyon, monday)).token(owner).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String schedule = created.json().get("scheduleId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/v1/sessions?scheduleId=" + schedule)
                .token(frontDesk).send().json().get("items").size() == 4);

        UUID member = member("Iris", "Lemoine");
        String card = classCard(member);
        awaitKnownToBookings(member);
        Http.Response series = gateway.post("/api/v1/bookings/series", """
                {"scheduleId": "%s", "memberId": "%s"}""".formatted(schedule, member)).token(frontDesk).send();
        assertThat(series.status()).as(series.toString()).isEqualTo(201);
        assertThat(series.json().get("bookings")).hasSize(4);
        assertThat(series.json().get("skipped")).isEmpty();
        series.json().get("bookings").valueStream().forEach(booking -> awaitBooked(booking.get("bookingId")
                .asString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/v1/passes/" + card).token(frontDesk)
                .send().json().get("balance").asInt() == 1);

        Http.Response ended = gateway.post("/api/v1/schedules/" + schedule + "/end",
                "{\"from\": \"" + monday.plusDays(7) + "\"}").token(owner).send();
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/v1/passes/" + card).token(frontDesk)
                .send().json().get("balance").asInt() == 3);
        JsonNode history = gateway.get("/api/v1/bookings?memberId=" + member).token(frontDesk).send().json();
        assertThat(history.get("items").valueStream().map(BookingJourneysIT::status))
                .containsExactlyInAnyOrder("booked", "booked", "cancelled", "cancelled");
    }

    @Test
    void aPadelCourtIsBookedOnceAndPaidByAPadelCardWhileTheDoubleBookingIsRefused() {
        String padelCard = """
                {"kind": "class-pack", "terms": {"name": "Carte 10 padel", "price": {"amount": "120", "currency": "EUR"},
                 "vatRate": 20, "credits": 10, "validityDays": 180, "activation": "sale", "activityTypes": ["padel"]}}""";
        String plan = gateway.post("/api/v1/plans", padelCard).token(owner).send().json().get("id").asString();
        gateway.post("/api/v1/plans/" + plan + "/publication", "").token(owner).send();
        Http.Response court = gateway.post("/api/v1/resources", """
                {"siteId": "%s", "name": "Padel 1", "kind": "court", "activityType": "padel",
                 "hours": [{"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"],
                            "opens": "08:00", "closes": "22:00"}],
                 "slotMinutes": [60, 90], "startEvery": 30, "credits": 1, "maxPlayers": 4}""".formatted(lyon))
                .token(owner).send();
        assertThat(court.status()).as(court.toString()).isEqualTo(201);
        String courtId = court.json().get("resourceId").asString();
        UUID anne = member("Anne", "Padel");
        UUID bruno = member("Bruno", "Padel");
        String card = gateway.post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-PADEL-1"}""".formatted(anne, plan))
                .token(frontDesk).send().json().get("id").asString();
        awaitKnownToBookings(anne);
        awaitKnownToBookings(bruno);
        Instant evening = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3).atTime(19, 0)
                .atZone(ZoneId.of("Europe/Paris")).toInstant();

        Http.Response booked = gateway.post("/api/v1/resources/" + courtId + "/bookings", """
                {"memberId": "%s", "startsAt": "%s", "minutes": 90, "players": ["%s"]}"""
                .formatted(anne, evening, bruno)).token(frontDesk).send();
        assertThat(booked.status()).as(booked.toString()).isIn(201, 202);
        String booking = booked.json().get("bookingId").asString();
        Http.Response doubleBooked = gateway.post("/api/v1/resources/" + courtId + "/bookings", """
                {"memberId": "%s", "startsAt": "%s", "minutes": 60}""".formatted(bruno,
                evening.plus(Duration.ofMinutes(30)))).token(app).send();
        assertThat(doubleBooked.status()).as(doubleBooked.toString()).isEqualTo(422);
        assertThat(doubleBooked.json().get("code").asString()).isEqualTo("slot-taken");

        await().atMost(Duration.ofSeconds(30)).until(() -> status(gateway.get("/api/v1/resources/bookings/"
                + booking).token(frontDesk).send().json()).equals("booked"));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/v1/passes/" + card).token(frontDesk)
                .send().json().get("balance").asInt() == 9);
    }

    private static List<JsonNode> rush(String session, List<UUID> members) {
        ExecutorService crowd = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
            for (UUID member : members) {
                answers.add(CompletableFuture.supplyAsync(() -> book(session, member, app), crowd));
            }
            return answers.stream().map(CompletableFuture::join).map(answer -> {
                assertThat(answer.status()).as(answer.toString()).isIn(201, 202);
                return answer.json();
            }).toList();
        } finally {
            crowd.shutdown();
        }
    }

    private static UUID member(String firstName, String lastName) {
        Http.Response registered = gateway.post("/api/v1/members", """
                {"siteId": "%s", "firstName": "%s", "lastName": "%s"}""".formatted(lyon, firstName, lastName))
                .token(frontDesk).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return UUID.fromString(registered.json().get("id").asString());
    }

    private static String classCard(UUID member) {
        Http.Response sold = gateway.post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-%s"}""".formatted(member, classCard,
                member.toString().substring(0, 8))).token(frontDesk).send();
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        return sold.json().get("id").asString();
    }

    private static void awaitKnownToBookings(UUID member) {
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/bookings?memberId=" + member)
                .token(frontDesk).send().status() == 200);
    }

    private static String session(int capacity, Instant startsAt) {
        Http.Response scheduled = gateway.post("/api/v1/sessions", """
                {"siteId": "%s", "activityType": "yoga", "room": "Studio 1", "startsAt": "%s", "endsAt": "%s",
                 "capacity": %d, "credits": 1, "waitlist": "ordered", "lateCancelMinutes": 120}"""
                .formatted(lyon, startsAt, startsAt.plus(Duration.ofHours(1)), capacity)).token(owner).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        return scheduled.json().get("sessionId").asString();
    }

    private static Http.Response book(String session, UUID member, String token) {
        return gateway.post("/api/v1/sessions/" + session + "/bookings", "{\"memberId\": \"" + member + "\"}")
                .token(token).send();
    }

    private static JsonNode roster(String session) {
        return gateway.get("/api/v1/sessions/" + session + "/roster").token(frontDesk).send().json();
    }

    private static void cancel(JsonNode booking, String body) {
        Http.Response cancelled = gateway.post("/api/v1/bookings/" + booking.get("bookingId").asString()
                + "/cancellation", body).token(frontDesk).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    }

    private static void awaitBooked(String booking) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status(gateway.get("/api/v1/bookings/" + booking)
                .token(frontDesk).send().json()).equals("booked"));
    }

    private static void awaitBalance(Map<UUID, String> passes, JsonNode booking, int credits) {
        String pass = passes.get(UUID.fromString(booking.get("memberId").asString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/v1/passes/" + pass).token(frontDesk)
                .send().json().get("balance").asInt() == credits);
    }

    private static List<JsonNode> creditAnswers(TopicReader answers, String session, String type) {
        return answers.matching(record -> ("palestra.subscriptions." + type + ".v1").equals(header(record, "ce_type")))
                .stream().map(record -> JSON.readTree(record.value()))
                .filter(answer -> session.equals(answer.get("sessionId").asString())).toList();
    }

    private static String status(JsonNode booking) {
        return booking.get("status").asString();
    }

    private static String token(String role) {
        return platform.token(organization, role);
    }
}
