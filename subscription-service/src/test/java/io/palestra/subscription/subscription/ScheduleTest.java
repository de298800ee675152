package io.palestra.subscription.subscription;

import io.palestra.subscription.catalog.BillingPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The installment calendar: month ends, billing days, pro rata shares, pauses, fixed terms. */
class ScheduleTest {

    @Test
    void aMonthlySubscriptionStartedOnThe31stFallsDueOnEachMonthsLastDayWhenItHasNo31st() {
        Schedule schedule = new Schedule(LocalDate.of(2027, 1, 31), BillingPeriod.MONTHLY, null,
                LocalDate.of(2027, 1, 31), List.of());

        assertThat(IntStream.range(0, 5).mapToObj(number -> schedule.period(number, null).orElseThrow().dueOn()))
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31),
                        LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31));
        assertThat(schedule.period(1, null).orElseThrow().end()).isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(schedule.period(1, null).orElseThrow().share()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void inALeapYearFebruaryEndsOnThe29th() {
        Schedule schedule = new Schedule(LocalDate.of(2028, 1, 30), BillingPeriod.MONTHLY, null,
                LocalDate.of(2028, 1, 30), List.of());

        assertThat(schedule.period(1, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(schedule.period(2, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2028, 3, 30));
    }

    @Test
    void withABillingDayTheFirstPeriodIsShortAndChargedProRata() {
        Schedule schedule = new Schedule(LocalDate.of(2027, 1, 20), BillingPeriod.MONTHLY, 1,
                LocalDate.of(2027, 1, 20), List.of());

        Schedule.Period first = schedule.period(0, null).orElseThrow();
        assertThat(first.end()).isEqualTo(LocalDate.of(2027, 1, 31));
        // 12 days (20 to 31 January) of the 31 of the full month before the first billing day
        assertThat(first.share()).isEqualByComparingTo(new BigDecimal("12").divide(new BigDecimal("31"),
                java.math.MathContext.DECIMAL64));
        assertThat(schedule.period(1, null).orElseThrow().start()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(schedule.period(2, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void aStartOnTheBillingDayHasNoShortPeriod() {
        Schedule schedule = new Schedule(LocalDate.of(2027, 1, 5), BillingPeriod.MONTHLY, 5,
                LocalDate.of(2027, 1, 5), List.of());

        assertThat(schedule.period(0, null).orElseThrow().share()).isEqualTo(BigDecimal.ONE);
        assertThat(schedule.period(1, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 2, 5));
    }

    @Test
    void aPausePostponesThePeriodsNotYetBilledByItsLength() {
        // Paused 15 to 29 March (resumes on the 29th: 14 days), decided while installment 2 (1 March) was billed.
        Pause pause = new Pause(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 29), 3);
        Schedule schedule = new Schedule(LocalDate.of(2027, 1, 1), BillingPeriod.MONTHLY, null,
                LocalDate.of(2027, 1, 1), List.of(pause));

        assertThat(schedule.period(2, null).orElseThrow().start()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(schedule.period(2, null).orElseThrow().end()).isEqualTo(LocalDate.of(2027, 4, 14));
        assertThat(schedule.period(2, null).orElseThrow().share()).isEqualTo(BigDecimal.ONE);
        assertThat(schedule.period(3, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 4, 15));
        assertThat(schedule.period(4, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 5, 15));
        assertThat(schedule.postponed(LocalDate.of(2027, 12, 31))).isEqualTo(LocalDate.of(2028, 1, 14));
    }

    @Test
    void aFixedTermsLastPeriodIsCutAtItsLastDayAndChargedProRata() {
        Schedule schedule = new Schedule(LocalDate.of(2027, 1, 10), BillingPeriod.MONTHLY, 1,
                LocalDate.of(2027, 1, 10), List.of());
        LocalDate lastDay = LocalDate.of(2027, 4, 9);

        Schedule.Period last = schedule.period(3, lastDay).orElseThrow();
        assertThat(last.start()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(last.end()).isEqualTo(lastDay);
        assertThat(last.share()).isEqualByComparingTo(new BigDecimal("9").divide(new BigDecimal("30"),
                java.math.MathContext.DECIMAL64));
        assertThat(schedule.period(4, lastDay)).isEmpty();
    }

    @Test
    void weeklyPlansIgnoreTheBillingDayAndYearlyOnesKeepTheirAnchor() {
        Schedule weekly = new Schedule(LocalDate.of(2027, 1, 6), BillingPeriod.WEEKLY, 1,
                LocalDate.of(2027, 1, 6), List.of());
        assertThat(weekly.period(2, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 1, 20));

        Schedule yearly = new Schedule(LocalDate.of(2028, 2, 29), BillingPeriod.YEARLY, null,
                LocalDate.of(2028, 2, 29), List.of());
        assertThat(yearly.period(1, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(yearly.period(4, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2032, 2, 29));
    }

    @Test
    void theFirstInstallmentFallsDueOnTheFirstCollectionDate() {
        Schedule schedule = new Schedule(LocalDate.of(2027, 1, 1), BillingPeriod.MONTHLY, null,
                LocalDate.of(2027, 1, 10), List.of());

        assertThat(schedule.period(0, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(schedule.period(1, null).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(schedule.periodContaining(LocalDate.of(2027, 2, 14))).isEqualTo(1);
    }
}
