package io.palestra.booking.schedule;

import io.palestra.booking.session.SessionTerms;
import io.palestra.booking.session.WaitlistMode;
import io.palestra.platform.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The days a recurrence rule plans, in the site's zone, closures skipped, and the session times across DST. */
class OccurrencesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime SEVEN = LocalTime.of(7, 0);
    private static final LocalDate YEAR_AHEAD = LocalDate.parse("2028-03-01");

    @Test
    void everyMondayAndWednesdayUntilADayInTheSitesZone() {
        List<LocalDate> days = Occurrences.plan("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270317T215959Z",
                LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-01"), YEAR_AHEAD, day -> false);
        assertThat(days).containsExactly(LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-03"),
                LocalDate.parse("2027-03-08"), LocalDate.parse("2027-03-10"), LocalDate.parse("2027-03-15"),
                LocalDate.parse("2027-03-17"));
    }

    @Test
    void aFirstDayOffTheRuleStartsAtTheRulesFirstDayAndClosedDaysAndEarlierDaysAreSkipped() {
        LocalDate sunday = LocalDate.parse("2027-02-28");
        List<LocalDate> days = Occurrences.plan("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4", sunday,
                LocalDate.parse("2027-03-02"), YEAR_AHEAD, day -> day.equals(LocalDate.parse("2027-03-15")));
        assertThat(days).allMatch(day -> day.getDayOfWeek() == java.time.DayOfWeek.MONDAY)
                .contains(LocalDate.parse("2027-03-08"), LocalDate.parse("2027-03-22"))
                .doesNotContain(LocalDate.parse("2027-03-15"), LocalDate.parse("2027-03-01"));
    }

    @Test
    void aRuleWithoutAnEndIsPlannedOneYearAheadAndExtendedAsTheHorizonMoves() {
        LocalDate firstDay = LocalDate.parse("2027-01-04");
        List<LocalDate> days = Occurrences.plan("FREQ=WEEKLY", firstDay, firstDay,
                Occurrences.horizon(firstDay, LocalDate.parse("2026-12-01")), day -> false);
        assertThat(days).hasSize(53).last().isEqualTo(LocalDate.parse("2028-01-03"));

        LocalDate twoMonthsOn = LocalDate.parse("2027-03-04");
        List<LocalDate> next = Occurrences.plan("FREQ=WEEKLY", firstDay, LocalDate.parse("2028-01-04"),
                Occurrences.horizon(firstDay, twoMonthsOn), day -> false);
        assertThat(next).first().isEqualTo(LocalDate.parse("2028-01-10"));
        assertThat(next).hasSize(8).last().isEqualTo(LocalDate.parse("2028-02-28"));
    }

    @Test
    void aDailyRuleYearsOldStillPlansOnlyItsComingYear() {
        LocalDate today = LocalDate.parse("2030-06-01");
        List<LocalDate> days = Occurrences.plan("FREQ=DAILY", LocalDate.parse("2027-01-04"), today,
                Occurrences.horizon(LocalDate.parse("2027-01-04"), today), day -> false);
        assertThat(days).hasSize(367).first().isEqualTo(today);
    }

    @Test
    void sessionsKeepTheirWallClockTimeAcrossTheChangeToSummerTime() {
        SessionTemplate template = new SessionTemplate("yoga", null, null, SEVEN, 60, 20, 1, WaitlistMode.ORDERED,
                null, null, null);
        SessionTerms winter = template.on(LocalDate.parse("2027-03-22"), PARIS);
        SessionTerms summer = template.on(LocalDate.parse("2027-03-29"), PARIS);
        assertThat(winter.startsAt()).isEqualTo(Instant.parse("2027-03-22T06:00:00Z"));
        assertThat(summer.startsAt()).isEqualTo(Instant.parse("2027-03-29T05:00:00Z"));
        assertThat(summer.endsAt()).isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
    }

    @Test
    void unreadableAndSubDailyRulesAreRefused() {
        assertThatThrownBy(() -> Occurrences.plan("EVERY MONDAY", LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-01"), YEAR_AHEAD, day -> false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Occurrences.plan("FREQ=HOURLY;COUNT=5", LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-01"), YEAR_AHEAD, day -> false)).isInstanceOf(InvalidInputException.class);
    }
}
