package io.palestra.booking;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Occupancy as an analyst rebuilds it from {@code palestra.bookings.events} alone, following the event catalog: seats
 * offered by {@code SessionScheduled} (changed by {@code SessionRevised}, withdrawn by {@code SessionCancelled}), held
 * by {@code SeatReserved}, freed by {@code BookingRefused} and {@code BookingCancelled}, and the latest
 * {@code AttendanceMarked} per booking. Fed the facts in topic order; knows nothing of booking-service.
 */
final class OccupancyFromTopic {

    /** The key of a row of the occupancy report. */
    record Key(String siteId, String activityType, String coachId, LocalDate day) {
    }

    /** What a row counts. */
    record Counts(int sessions, int seats, int booked, int attended, int noShows) {
    }

    private static final class Session {
        String siteId;
        String activityType;
        String coachId;
        Instant startsAt;
        int capacity;
        boolean cancelled;
        final Set<String> held = new LinkedHashSet<>();
        final Map<String, String> attendance = new HashMap<>();
    }

    private final ZoneId zone;
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    OccupancyFromTopic(ZoneId zone) {
        this.zone = zone;
    }

    /** @param type the record's {@code ce_type}, e.g. {@code palestra.bookings.SeatReserved.v1} */
    void fold(String type, JsonNode fact) {
        String name = type.replace("palestra.bookings.", "").replace(".v1", "");
        String sessionId = text(fact, "sessionId");
        if (sessionId == null) {
            return;
        }
        Session session = sessions.computeIfAbsent(sessionId, id -> new Session());
        String booking = text(fact, "bookingId");
        switch (name) {
            case "SessionScheduled", "SessionRevised" -> {
                if (fact.has("activityType")) {
                    session.activityType = fact.get("activityType").asString();
                    session.siteId = fact.get("siteId").asString();
                }
                session.coachId = text(fact, "coachId");
                session.startsAt = Instant.parse(fact.get("startsAt").asString());
                session.capacity = fact.get("capacity").asInt();
            }
            case "SessionCancelled" -> session.cancelled = true;
            case "SeatReserved", "BookingConfirmed" -> session.held.add(booking);
            case "BookingRefused", "BookingCancelled" -> {
                session.held.remove(booking);
                session.attendance.remove(booking);
            }
            case "AttendanceMarked" -> {
                if (text(fact, "attendance") == null) {
                    session.attendance.remove(booking);
                } else {
                    session.attendance.put(booking, fact.get("attendance").asString());
                }
            }
            default -> {
            }
        }
    }

    private static String text(JsonNode fact, String field) {
        return fact.hasNonNull(field) ? fact.get(field).asString() : null;
    }

    /** The report, by site, activity, coach and day (in the site's zone); cancelled sessions left out. */
    Map<Key, Counts> report() {
        Map<Key, Counts> rows = new TreeMap<>(java.util.Comparator.comparing((Key key) -> key.day())
                .thenComparing(Key::activityType).thenComparing(key -> Objects.toString(key.coachId(), "")));
        for (Session session : sessions.values()) {
            if (session.cancelled || session.startsAt == null) {
                continue;
            }
            Key key = new Key(session.siteId, session.activityType, session.coachId,
                    session.startsAt.atZone(zone).toLocalDate());
            long present = session.held.stream().filter(b -> "present".equals(session.attendance.get(b))).count();
            long absent = session.held.stream().filter(b -> "absent".equals(session.attendance.get(b))).count();
            Counts counts = new Counts(1, session.capacity, session.held.size(), (int) present, (int) absent);
            rows.merge(key, counts, (a, b) -> new Counts(a.sessions() + b.sessions(), a.seats() + b.seats(),
                    a.booked() + b.booked(), a.attended() + b.attended(), a.noShows() + b.noShows()));
        }
        return rows;
    }
}
