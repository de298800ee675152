package io.palestra.booking;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Capacity is the session's invariant: 100 members booking a 10-seat class at the same instant hold exactly 10 seats
 * (10 seats asked to be paid for, so exactly 10 credits can be consumed) and wait, in one line, for the rest. The
 * session's 120 events are more than its snapshot threshold: the later decisions start from a snapshot.
 */
class SeatsUnderConcurrencyIT extends BookingServiceTest {

    @Test
    void oneHundredConcurrentBookingsOfTenSeatsHoldExactlyTenAndWaitlistNinety() {
        String session = session(10, "ordered");
        List<UUID> members = IntStream.range(0, 100).mapToObj(i -> member("Member", "N" + i)).toList();

        List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (UUID member : members) {
                answers.add(CompletableFuture.supplyAsync(() -> book(session, member, manager), pool));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        List<JsonNode> bookings = answers.stream().map(CompletableFuture::join).map(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(201, 202);
            return answer.json();
        }).toList();

        List<JsonNode> held = bookings.stream().filter(b -> b.get("status").asString().equals("pending")).toList();
        List<JsonNode> waiting = bookings.stream().filter(b -> b.get("status").asString().equals("waitlisted"))
                .toList();
        assertThat(held).hasSize(10);
        assertThat(waiting).hasSize(90);
        assertThat(waiting.stream().map(b -> b.get("position").asInt()).collect(Collectors.toSet()))
                .isEqualTo(IntStream.rangeClosed(1, 90).boxed().collect(Collectors.toSet()));

        List<JsonNode> seats = await().atMost(Duration.ofSeconds(30)).until(() -> published(session, "SeatReserved"),
                found -> found.size() >= 10);
        assertThat(seats).hasSize(10);
        Set<String> heldIds = held.stream().map(b -> b.get("bookingId").asString()).collect(Collectors.toSet());
        assertThat(seats.stream().map(seat -> seat.get("bookingId").asString()).collect(Collectors.toSet()))
                .isEqualTo(heldIds);

        for (JsonNode booking : held) {
            pay(session, booking.get("bookingId").asString(), UUID.fromString(booking.get("memberId").asString()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/v1/sessions/" + session).token(manager)
                .send().json().get("freeSeats").asInt() == 0 && published(session, "BookingConfirmed").size() == 10);
        JsonNode roster = http().get("/api/v1/sessions/" + session + "/roster").token(manager).send().json();
        assertThat(roster.get("booked").valueStream().map(b -> b.get("status").asString()))
                .hasSize(10).containsOnly("booked");
        assertThat(roster.get("waitlist")).hasSize(90);
        assertThat(jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?").param(session)
                .query(Long.class).single()).as("the busy session was snapshotted, and decided from its snapshots")
                .isPositive();
    }
}
