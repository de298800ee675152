package io.palestra.booking.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Commands and events of a class session: its seats, holds, bookings and waitlist. */
public final class SessionMessages {

    private SessionMessages() {
    }

    /** Where a booking comes from: online bookings keep the booking window, staff and integrations do not. */
    public enum Channel { STAFF, INTEGRATION, ONLINE }

    /**
     * @param opensDaysBefore     online booking opens this many days before the start; null: always open
     * @param closesMinutesBefore online booking closes this many minutes before the start; null: at the start
     * @param lateCancelMinutes   an online cancellation later than this before the start gets no credit back
     */
    public record ScheduleSession(UUID sessionId, UUID organizationId, UUID siteId, String activityType,
                                  UUID coachId, String room, Instant startsAt, Instant endsAt, int capacity,
                                  int credits, WaitlistMode waitlist, Integer opensDaysBefore,
                                  Integer closesMinutesBefore, Integer lateCancelMinutes) {
    }

    public record RequestBooking(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, UUID memberId,
                                 Channel channel, Instant at) {
    }

    /** What paid for a held seat: the booking is confirmed. */
    public record ConfirmBooking(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, Instant at) {
    }

    /** Nothing pays for a held seat: the booking is refused and its seat freed. */
    public record RefuseBooking(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, String reason,
                                Instant at) {
    }

    /** @param recredit whether what paid is given back */
    public record CancelBooking(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, Channel channel,
                                boolean recredit, Instant at) {
    }

    public record LeaveWaitlist(@TargetAggregateIdentifier UUID sessionId, UUID bookingId, Instant at) {
    }

    public record SessionScheduled(UUID sessionId, UUID organizationId, UUID siteId, String activityType,
                                   UUID coachId, String room, Instant startsAt, Instant endsAt, int capacity,
                                   int credits, WaitlistMode waitlist, Integer opensDaysBefore,
                                   Integer closesMinutesBefore, Integer lateCancelMinutes) {
    }

    /** A seat is held for the booking until what pays for it is known ({@code SeatReserved} on the topic). */
    public record SeatHeld(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                           String activityType, Instant startsAt, int credits, boolean promoted, Instant at) {
    }

    public record BookingConfirmed(UUID sessionId, UUID organizationId, UUID bookingId, UUID memberId, Instant at) {
    }

    public record BookingRefused(UUID sessionId, UUID organizationId, UUID bookingId, UUID memberId, String reason,
                                 Instant at) {
    }

    /** @param position 1 for the first in line (ordered), or null (first come, first served) */
    public record Waitlisted(UUID sessionId, UUID organizationId, UUID bookingId, UUID memberId, Integer position,
                             Instant at) {
    }

    public record LeftWaitlist(UUID sessionId, UUID organizationId, UUID bookingId, UUID memberId, Instant at) {
    }

    /** @param recredit whether what paid is given back; @param late an online cancellation after the cutoff */
    public record BookingCancelled(UUID sessionId, UUID organizationId, UUID siteId, UUID bookingId, UUID memberId,
                                   Channel channel, boolean recredit, boolean late, Instant at) {
    }

    /** First come, first served: a seat freed, everyone waiting is told; the first to book it has it. */
    public record SeatOffered(UUID sessionId, UUID organizationId, int freeSeats, Instant at) {
    }
}
