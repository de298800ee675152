package io.palestra.booking.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Commands and events of a class session: its seats, holds, bookings and waitlist. */
public final class SessionMessages {

    private SessionMessages() {
    }

    /**
     * Where a booking comes from: staff at the desk or in the back office; an integration (a partner platform) on the
     * organisation's terms; or online, by the member in the club's app or website, which keeps the booking window,
     * the late-cancellation cutoff and the blacklist.
     */
    public enum Channel {
        STAFF, INTEGRATION, ONLINE;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param scheduleId the schedule the session is an occurrence of; null for a one-off session */
    public record ScheduleSession(UUID sessionId, UUID organizationId, UUID siteId, UUID scheduleId,
                                  SessionTerms terms, String actor, Instant at) {
    }

    /**
     * Changes a session's terms (the activity stays). A new time is a reschedule: its bookings are released with
     * their credit back unless {@code keepBookings}, and then an online cancellation gets its credit back whenever it
     * comes.
     */
    public record ReviseSession(@TargetAggregateIdentifier UUID sessionId, SessionTerms terms, boolean keepBookings,
                                String actor, Instant at) {
    }

    public record RequestBooking(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, UUID memberId,
                                 Channel channel, String actor, Instant at) {
    }

    /** What paid for a held seat (subscription-service's answer): the booking is confirmed. */
    public record ConfirmBooking(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, String paidBy,
                                 UUID payerId, int credits, Instant at) {
    }

    /** Nothing pays for a held seat: the booking is refused and its seat freed. */
    public record RefuseBooking(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, String reason,
                                Instant at) {
    }

    /**
     * @param recredit whether what paid is given back (online: only before the late-cancellation cutoff)
     * @param notifyMember whether the member is told (staff choose; online cancellations are the member's own)
     */
    public record CancelBooking(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, Channel channel,
                                boolean recredit, boolean notifyMember, String reason, String actor, Instant at) {
    }

    public record LeaveWaitlist(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, String actor,
                                Instant at) {
    }

    /** Whether a booked member came (seed 000's présent / absent); null takes the mark back. */
    public enum Attendance {
        PRESENT, ABSENT;

        @com.fasterxml.jackson.annotation.JsonValue
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Attendance of(String value) {
            return java.util.Arrays.stream(values()).filter(mark -> mark.value().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("must be present or absent"));
        }
    }

    /** Marks a booked member present or absent, or takes the mark back ({@code attendance} null). */
    public record MarkAttendance(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, Attendance attendance,
                                 String actor, Instant at) {
    }

    /**
     * The member is at the desk for this session: a booked member is marked present; anyone else walks in, which is a
     * booking made now (a seat, paid through the credit protocol) marked present once paid. {@code bookingId} is the
     * walk-in's booking, if it comes to that.
     */
    public record CheckIn(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, UUID memberId, String actor,
                          Instant at) {
    }

    /**
     * A schedule's new template for this session, followed as far as it can be: never once the session started or
     * was cancelled, never below the seats held; the bookings are kept.
     */
    public record FollowSchedule(@TargetAggregateIdentifier UUID sessionId, SessionTerms terms, String actor,
                                 Instant at) {
    }

    /** Cancels the session: every booking is cancelled with its credit back, everyone waiting is let go. */
    public record CancelSession(@TargetAggregateIdentifier UUID sessionId, String reason, boolean notifyMembers,
                                String actor, Instant at) {
    }

    public record SessionScheduled(UUID sessionId, UUID organizationId, UUID siteId, UUID scheduleId,
                                   SessionTerms terms, String actor, Instant at) {
    }

    /** @param previousStartsAt when it started before: a reschedule when it differs from the terms' start */
    public record SessionRevised(UUID sessionId, UUID organizationId, UUID siteId, SessionTerms terms,
                                 Instant previousStartsAt, boolean keepBookings, String actor, Instant at) {

        public boolean rescheduled() {
            return !terms.startsAt().equals(previousStartsAt);
        }
    }

    /**
     * A seat is held for the booking until what pays for it is known ({@code SeatReserved} on the topic).
     *
     * @param channel  where the booking came from; null for a promotion from the waitlist (it keeps its own)
     * @param promoted whether the booking waited for this seat
     */
    public record SeatHeld(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                           String activityType, Instant startsAt, int credits, Channel channel, boolean promoted,
                           String actor, Instant at) {
    }

    /** @param paidBy {@code membership} or {@code pass}; @param payerId the subscription or pass that paid */
    public record BookingConfirmed(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                                   String paidBy, UUID payerId, int credits, Instant at) {
    }

    public record BookingRefused(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                                 String reason, Instant at) {
    }

    /** @param position 1 for the first in line (ordered), or null (first come, first served) */
    public record Waitlisted(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                             Channel channel, Integer position, String actor, Instant at) {
    }

    public record LeftWaitlist(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                               String actor, Instant at) {
    }

    /**
     * @param recredit whether what paid is given back
     * @param late     an online cancellation after the cutoff
     * @param notifyMember whether the member is told
     */
    public record BookingCancelled(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                                   Channel channel, boolean recredit, boolean late, boolean notifyMember, String reason,
                                   String actor, Instant at) {
    }

    /** The session will not take place; its bookings' cancellations follow, each with its credit back. */
    public record SessionCancelled(UUID sessionId, UUID organizationId, UUID siteId, Instant startsAt, String reason,
                                   boolean notifyMembers, String actor, Instant at) {
    }

    /**
     * @param attendance present, absent, or null when the mark was taken back
     * @param checkIn    whether the member checked in at the desk (rather than a coach's roll call)
     */
    public record AttendanceMarked(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                                   Attendance attendance, boolean checkIn, String actor, Instant at) {
    }

    /** A member without a booking checked in: a seat is held for the walk-in ({@link SeatHeld} follows). */
    public record WalkedIn(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                           String actor, Instant at) {
    }

    /** First come, first served: a seat freed, everyone waiting is told; the first to take it has it. */
    public record SeatOffered(UUID sessionId, UUID organizationId, UUID siteId, int freeSeats, Instant at) {
    }
}
