package io.palestra.booking.schedule;

import io.palestra.platform.errors.InvalidInputException;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The days a recurrence rule (RFC 5545, read by lib-recur) plans sessions on: from the schedule's first day, as days
 * of the site's calendar (the session template gives each its wall-clock time in the site's zone), skipping the days
 * the site is closed. Sessions are planned one year ahead (the {@link #horizon}), at most {@value #MAX_OCCURRENCES}
 * at a time; a rule without an end is extended as the horizon moves.
 */
@Component
public class Occurrences {

    static final int MAX_OCCURRENCES = 400;
    /** An UNTIL with a time (e.g. 20270630T235959Z) is read as its day: the rule plans days, the template the time. */
    private static final Pattern UNTIL_TIME = Pattern.compile("(?i)UNTIL=(\\d{8})T\\d{6}Z?");
    private static final int HORIZON_DAYS = 366;

    private final JdbcClient jdbc;

    Occurrences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws InvalidInputException when the rule cannot be read
     */
    public List<LocalDate> days(String rule, LocalDate firstDay, LocalDate from, LocalDate until, UUID siteId) {
        return plan(rule, firstDay, from, until, day -> closed(siteId, day));
    }

    /**
     * The last day a schedule plans sessions for: one year after {@code today}, or after its first day when that is
     * later. As days pass, the horizon moves and open-ended schedules are extended (see {@link ScheduleHorizon}).
     */
    public static LocalDate horizon(LocalDate firstDay, LocalDate today) {
        return (firstDay.isAfter(today) ? firstDay : today).plusDays(HORIZON_DAYS);
    }

    /**
     * The days from {@code from} to {@code until}, in order, once each, that the rule plans and that are not
     * {@code closed}; at most {@value #MAX_OCCURRENCES}.
     *
     * @throws InvalidInputException when the rule cannot be read, or repeats more often than daily
     */
    static List<LocalDate> plan(String rule, LocalDate firstDay, LocalDate from, LocalDate until,
                                Predicate<LocalDate> closed) {
        RecurrenceRule recurrence;
        try {
            recurrence = new RecurrenceRule(rule == null ? "" : UNTIL_TIME.matcher(rule.strip()
                    .replaceFirst("^(?i)RRULE:", "")).replaceAll("UNTIL=$1"));
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            throw InvalidInputException.of("rule", "is not an RFC 5545 recurrence rule, e.g. "
                    + "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270630 (" + e.getMessage() + ")");
        }
        if (recurrence.getFreq() == null || recurrence.getFreq().ordinal() > Freq.DAILY.ordinal()) {
            throw InvalidInputException.of("rule", "must repeat daily at most often (FREQ=DAILY, WEEKLY, MONTHLY or "
                    + "YEARLY), not " + String.valueOf(recurrence.getFreq()).toLowerCase(Locale.ROOT));
        }
        RecurrenceRuleIterator iterator = recurrence.iterator(new DateTime(firstDay.getYear(),
                firstDay.getMonthValue() - 1, firstDay.getDayOfMonth()));
        Set<LocalDate> days = new LinkedHashSet<>();
        while (iterator.hasNext() && days.size() < MAX_OCCURRENCES) {
            DateTime next = iterator.nextDateTime();
            LocalDate day = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
            if (day.isAfter(until)) {
                break;
            }
            if (!day.isBefore(from) && !closed.test(day)) {
                days.add(day);
            }
        }
        return List.copyOf(days);
    }

    /** Whether the site is closed on {@code day}. */
    public boolean closed(UUID siteId, LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM site_closure WHERE site_id = ? AND from_day <= ? AND until_day >= ?")
                .params(siteId, day, day).query(Long.class).single() > 0;
    }
}
