package io.palestra.subscription.subscription;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A pause of a subscription: from its first paused day to the day it resumes (excluded).
 *
 * @param fromInstallment the first installment whose period it may postpone: the next one to fall due when it was
 *                        decided, so that a period already billed is never moved
 */
public record Pause(LocalDate from, LocalDate until, int fromInstallment) {

    public long days() {
        return ChronoUnit.DAYS.between(from, until);
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(until);
    }

    Pause until(LocalDate newUntil) {
        return new Pause(from, newUntil, fromInstallment);
    }
}
