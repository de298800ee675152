package io.palestra.booking.session;

import io.palestra.platform.errors.InvalidInputException.InvalidField;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a class session is, as staff set it: the activity (matched against what memberships and passes cover), coach
 * and room, when, how many seats, what it costs from a pass, its waitlist and its online booking rules.
 *
 * @param opensDaysBefore     online booking opens this many days before the start; null: always open
 * @param closesMinutesBefore online booking closes this many minutes before the start; null: at the start
 * @param lateCancelMinutes   an online cancellation later than this before the start gets no credit back
 */
public record SessionTerms(String activityType, UUID coachId, String room, Instant startsAt, Instant endsAt,
                           int capacity, int credits, WaitlistMode waitlist, Integer opensDaysBefore,
                           Integer closesMinutesBefore, Integer lateCancelMinutes) {

    public SessionTerms {
        activityType = activityType == null ? null : activityType.strip();
        waitlist = waitlist == null ? WaitlistMode.OFF : waitlist;
    }

    /** The same terms at another time. */
    public SessionTerms at(Instant newStart, Instant newEnd) {
        return new SessionTerms(activityType, coachId, room, newStart, newEnd, capacity, credits, waitlist,
                opensDaysBefore, closesMinutesBefore, lateCancelMinutes);
    }

    /** What is wrong with these terms, field by field; empty when they are valid. */
    public List<InvalidField> problems() {
        List<InvalidField> problems = new ArrayList<>();
        if (activityType == null || activityType.isEmpty()) {
            problems.add(new InvalidField("activityType", "is required, e.g. yoga"));
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            problems.add(new InvalidField("endsAt", "must be after startsAt"));
        }
        if (capacity < 1 || capacity > 1000) {
            problems.add(new InvalidField("capacity", "must be between 1 and 1000"));
        }
        if (credits < 0 || credits > 100) {
            problems.add(new InvalidField("credits", "must be between 0 and 100"));
        }
        problems.addAll(online().problems());
        return problems;
    }

    /** Its online booking window and late-cancellation cutoff. */
    public OnlineRules online() {
        return new OnlineRules(opensDaysBefore, closesMinutesBefore, lateCancelMinutes);
    }
}
