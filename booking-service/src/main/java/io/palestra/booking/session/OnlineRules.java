package io.palestra.booking.session;

import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.RuleViolationException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a member booking online (the chain's website or app, through an integration) may do, for a class seat or a
 * resource's slot alike; staff are never held to it.
 *
 * @param opensDaysBefore     online booking opens this many days before the start; null: always open
 * @param closesMinutesBefore online booking closes this many minutes before the start; null: at the start
 * @param lateCancelMinutes   an online cancellation later than this before the start gets no credit back; null: never
 *                            late
 */
public record OnlineRules(Integer opensDaysBefore, Integer closesMinutesBefore, Integer lateCancelMinutes) {

    /**
     * @throws RuleViolationException {@code booking-not-open} before the window opens, {@code booking-closed} once it
     *                                has closed
     */
    public void mayBook(Instant startsAt, Instant at, String what) {
        if (opensDaysBefore != null && at.isBefore(startsAt.minus(Duration.ofDays(opensDaysBefore)))) {
            throw new RuleViolationException("booking-not-open", "Online booking opens " + opensDaysBefore
                    + " days before the " + what + ".");
        }
        if (closesMinutesBefore != null && !at.isBefore(startsAt.minus(Duration.ofMinutes(closesMinutesBefore)))) {
            throw new RuleViolationException("booking-closed", "Online booking closed " + closesMinutesBefore
                    + " minutes before the " + what + ".");
        }
    }

    /** Whether an online cancellation at {@code at} comes after the late-cancellation cutoff. */
    public boolean late(Instant startsAt, Instant at) {
        return lateCancelMinutes != null && !at.isBefore(startsAt.minus(Duration.ofMinutes(lateCancelMinutes)));
    }

    /** Negative windows or cutoffs, as a field problem; none when they are valid. */
    public List<InvalidField> problems() {
        return negative(opensDaysBefore) || negative(closesMinutesBefore) || negative(lateCancelMinutes)
                ? List.of(new InvalidField("opensDaysBefore", "booking windows and cutoffs cannot be negative"))
                : List.of();
    }

    private static boolean negative(Integer value) {
        return value != null && value < 0;
    }
}
