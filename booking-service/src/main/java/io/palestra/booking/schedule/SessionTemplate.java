package io.palestra.booking.schedule;

import io.palestra.booking.session.SessionTerms;
import io.palestra.booking.session.WaitlistMode;
import io.palestra.platform.errors.InvalidInputException.InvalidField;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What every session of a schedule is: the terms of a session without its date, starting at {@code startTime} (the
 * site's wall-clock time, whatever the season) and lasting {@code durationMinutes}.
 */
public record SessionTemplate(String activityType, UUID coachId, String room, LocalTime startTime,
                              int durationMinutes, int capacity, int credits, WaitlistMode waitlist,
                              Integer opensDaysBefore, Integer closesMinutesBefore, Integer lateCancelMinutes) {

    public SessionTemplate {
        activityType = activityType == null ? null : activityType.strip();
        waitlist = waitlist == null ? WaitlistMode.OFF : waitlist;
    }

    /**
     * The session's terms on {@code day}: its wall-clock start in the site's zone (on a day clocks go forward, a start
     * inside the gap moves forward by the gap's length, as {@link ZonedDateTime#of} does).
     */
    public SessionTerms on(LocalDate day, ZoneId zone) {
        Instant start = ZonedDateTime.of(day, startTime, zone).toInstant();
        return new SessionTerms(activityType, coachId, room, start, start.plusSeconds(60L * durationMinutes), capacity,
                credits, waitlist, opensDaysBefore, closesMinutesBefore, lateCancelMinutes);
    }

    public List<InvalidField> problems() {
        List<InvalidField> problems = new ArrayList<>();
        if (startTime == null) {
            problems.add(new InvalidField("startTime", "is required, e.g. 07:00"));
        }
        if (durationMinutes < 5 || durationMinutes > 24 * 60) {
            problems.add(new InvalidField("durationMinutes", "must be between 5 and 1440"));
        }
        if (startTime != null && problems.isEmpty()) {
            problems.addAll(on(LocalDate.of(2000, 1, 1), ZoneId.of("UTC")).problems());
        } else {
            problems.addAll(new SessionTerms(activityType, coachId, room, Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
                    capacity, credits, waitlist, opensDaysBefore, closesMinutesBefore, lateCancelMinutes).problems());
        }
        return problems;
    }
}
