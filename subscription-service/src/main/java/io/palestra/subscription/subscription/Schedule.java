package io.palestra.subscription.subscription;

import io.palestra.subscription.catalog.BillingPeriod;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The installments of a subscription, computed rather than stored, so that a pause or a cancellation changes what
 * is still to come and never what was billed.
 *
 * <p>Rules (docs/subscriptions.md repeats them for staff):
 * <ul>
 *   <li>Periods are counted from one anchor, never from the previous period: monthly from 31 January gives 28 (or 29)
 *   February, 31 March, 30 April… ({@link LocalDate#plusMonths} keeps the anchor's day when the month has it, else
 *   takes the month's last day).</li>
 *   <li>With a billing day (1 to 28, monthly, quarterly and yearly plans), the first period runs from the start to the
 *   day before the first billing day after it and is charged pro rata of its days; the next periods start on the
 *   billing day. Weekly plans ignore the billing day.</li>
 *   <li>Installment 0 falls due on the first collection date (the start by default), each next one on its period's
 *   first day.</li>
 *   <li>A pause postpones every period not yet billed that starts on or after its first day by its length, so paused
 *   days are never paid; a fixed end and the commitment's end move by the same number of days.</li>
 *   <li>A fixed-term subscription's last period ends on its last day and is charged pro rata of its days.</li>
 * </ul>
 */
record Schedule(LocalDate startsOn, BillingPeriod period, Integer billingDay, LocalDate firstCollectionOn,
                List<Pause> pauses) {

    /**
     * One installment's period.
     *
     * @param share the part of a full period's price it costs: 1, or less for a shortened first or last period
     */
    record Period(int number, LocalDate start, LocalDate end, LocalDate dueOn, BigDecimal share) {
    }

    Schedule {
        pauses = List.copyOf(pauses);
    }

    /** Installment {@code number}'s period, cut at {@code lastDay} (null: open-ended); empty after it. */
    java.util.Optional<Period> period(int number, LocalDate lastDay) {
        LocalDate start = start(number);
        if (lastDay != null && start.isAfter(lastDay)) {
            return java.util.Optional.empty();
        }
        LocalDate nextStart = start(number + 1);
        LocalDate end = nextStart.minusDays(1);
        long nominal = ChronoUnit.DAYS.between(unpaused(number + 1).minus(length()), unpaused(number + 1))
                + pausedDaysBetween(number, number + 1);
        if (lastDay != null && end.isAfter(lastDay)) {
            end = lastDay;
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        BigDecimal share = days >= nominal ? BigDecimal.ONE
                : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(nominal), MathContext.DECIMAL64);
        LocalDate dueOn = number == 0 ? firstCollectionOn : start;
        return java.util.Optional.of(new Period(number, start, end, dueOn, share));
    }

    /** The number of the period that contains {@code day} (the last one when the day is past them all). */
    int periodContaining(LocalDate day) {
        int number = 0;
        while (!start(number + 1).isAfter(day)) {
            number++;
        }
        return number;
    }

    /** Days added to a date by the pauses that begin on or before it (the end of a fixed term, a commitment). */
    LocalDate postponed(LocalDate day) {
        LocalDate moved = day;
        for (Pause pause : pauses) {
            if (!pause.from().isAfter(moved)) {
                moved = moved.plusDays(pause.days());
            }
        }
        return moved;
    }

    /** First day of period {@code number}, after pauses. */
    LocalDate start(int number) {
        LocalDate start = unpaused(number);
        for (Pause pause : pauses) {
            if (number >= pause.fromInstallment() && number > 0 && !pause.from().isAfter(start)) {
                start = start.plusDays(pause.days());
            }
        }
        return start;
    }

    private long pausedDaysBetween(int number, int next) {
        return ChronoUnit.DAYS.between(unpaused(next), start(next)) - ChronoUnit.DAYS.between(unpaused(number),
                start(number));
    }

    /** First day of period {@code number} as if nothing paused. */
    private LocalDate unpaused(int number) {
        if (number == 0) {
            return startsOn;
        }
        LocalDate anchor = firstBillingDay();
        int steps = anchor.equals(startsOn) ? number : number - 1;
        return plusPeriods(anchor, steps);
    }

    private LocalDate firstBillingDay() {
        if (billingDay == null || period == BillingPeriod.WEEKLY || startsOn.getDayOfMonth() == billingDay) {
            return startsOn;
        }
        LocalDate candidate = startsOn.withDayOfMonth(billingDay);
        return candidate.isAfter(startsOn) ? candidate : candidate.plusMonths(1);
    }

    private LocalDate plusPeriods(LocalDate anchor, int steps) {
        switch (period) {
            case WEEKLY:
                return anchor.plusWeeks(steps);
            case MONTHLY:
                return anchor.plusMonths(steps);
            case QUARTERLY:
                return anchor.plusMonths(3L * steps);
            default:
                return anchor.plusYears(steps);
        }
    }

    private java.time.Period length() {
        switch (period) {
            case WEEKLY:
                return java.time.Period.ofWeeks(1);
            case MONTHLY:
                return java.time.Period.ofMonths(1);
            case QUARTERLY:
                return java.time.Period.ofMonths(3);
            default:
                return java.time.Period.ofYears(1);
        }
    }
}
