package io.palestra.booking.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.booking.session.SessionMessages.Attendance;
import io.palestra.booking.session.SessionMessages.AttendanceMarked;
import io.palestra.booking.session.SessionMessages.BookingCancelled;
import io.palestra.booking.session.SessionMessages.BookingConfirmed;
import io.palestra.booking.session.SessionMessages.BookingRefused;
import io.palestra.booking.session.SessionMessages.CancelBooking;
import io.palestra.booking.session.SessionMessages.CancelSession;
import io.palestra.booking.session.SessionMessages.CheckIn;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.booking.session.SessionMessages.ConfirmBooking;
import io.palestra.booking.session.SessionMessages.FollowSchedule;
import io.palestra.booking.session.SessionMessages.LeaveWaitlist;
import io.palestra.booking.session.SessionMessages.LeftWaitlist;
import io.palestra.booking.session.SessionMessages.MarkAttendance;
import io.palestra.booking.session.SessionMessages.RefuseBooking;
import io.palestra.booking.session.SessionMessages.ReviseSession;
import io.palestra.booking.session.SessionMessages.RequestBooking;
import io.palestra.booking.session.SessionMessages.ScheduleSession;
import io.palestra.booking.session.SessionMessages.SeatHeld;
import io.palestra.booking.session.SessionMessages.SeatOffered;
import io.palestra.booking.session.SessionMessages.SessionCancelled;
import io.palestra.booking.session.SessionMessages.SessionRevised;
import io.palestra.booking.session.SessionMessages.SessionScheduled;
import io.palestra.booking.session.SessionMessages.WalkedIn;
import io.palestra.booking.session.SessionMessages.Waitlisted;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A class session and its seats: the consistency boundary of its capacity, so that under any concurrency there are
 * never more seats held or confirmed than it has. A booking first holds a seat while subscription-service decides
 * what pays for it; it is then confirmed, or refused and its seat freed. A full session puts bookings on its waitlist
 * (when it has one); a freed seat goes to the first in line (ordered) or is offered to everyone waiting (first come,
 * first served), never once the session has started. One booking per member.
 *
 * <p>A popular class is decided one command at a time, each loading the session: every 50 events its state is
 * snapshotted (its fields, as JSON), so a morning rush loads a snapshot and the few events after it rather than
 * every booking since the session was scheduled. The snapshot's JSON sets the fields, so none of them is final
 * ({@code SeatsUnderConcurrencyIT} decides from snapshots).
 */
@Aggregate(snapshotTriggerDefinition = SessionConfiguration.SNAPSHOTS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ClassSession {

    enum Seat { HELD, CONFIRMED }

    @AggregateIdentifier
    private UUID sessionId;
    private UUID organizationId;
    private UUID siteId;
    private SessionTerms terms;
    private boolean cancelled;
    /** Once rescheduled with its bookings kept, an online cancellation always gets its credit back. */
    private boolean freeCancellation;
    /** Bookings holding or having a seat, by booking id, with their member. */
    private Map<UUID, Seat> seats = new LinkedHashMap<>();
    private Map<UUID, UUID> members = new LinkedHashMap<>();
    /** Bookings waiting for a seat, in the order they came. */
    private List<UUID> waitlist = new ArrayList<>();
    /** Attendance marked, by booking; walk-ins to mark present once paid. */
    private Map<UUID, Attendance> attendance = new HashMap<>();
    private Set<UUID> walkIns = new HashSet<>();

    protected ClassSession() {
    }

    @CommandHandler
    ClassSession(ScheduleSession command) {
        List<InvalidField> problems = command.terms().problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        apply(new SessionScheduled(command.sessionId(), command.organizationId(), command.siteId(),
                command.scheduleId(), command.terms(), command.actor(), command.at()));
    }

    /**
     * New terms for the session. The activity stays (what paid for the bookings covered it). Seats cannot fall below
     * the bookings holding one; more seats go to the waitlist. A new time is a reschedule: unless the bookings are
     * kept, each is cancelled with what paid given back and the waitlist is let go; kept, an online cancellation gets
     * its credit back whenever it comes.
     */
    @CommandHandler
    void handle(ReviseSession command) {
        SessionTerms revised = command.terms();
        List<InvalidField> problems = new ArrayList<>(revised.problems());
        if (!terms.activityType().equals(revised.activityType())) {
            problems.add(new InvalidField("activityType", "cannot change: schedule another session"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (cancelled) {
            throw new RuleViolationException("session-cancelled", "This session was cancelled.");
        }
        if (!command.at().isBefore(terms.startsAt())) {
            throw new RuleViolationException("session-started", "This session has started: it can no longer change.");
        }
        if (revised.capacity() < seats.size()) {
            throw new RuleViolationException("capacity-below-bookings", seats.size() + " bookings hold a seat: the "
                    + "capacity cannot be lower.");
        }
        if (revised.equals(terms)) {
            return;
        }
        revise(revised, command.keepBookings(), command.actor(), command.at());
    }

    @CommandHandler
    void handle(FollowSchedule command) {
        if (cancelled || !command.at().isBefore(terms.startsAt())) {
            return;
        }
        SessionTerms followed = command.terms();
        if (followed.capacity() < seats.size()) {
            followed = new SessionTerms(followed.activityType(), followed.coachId(), followed.room(),
                    followed.startsAt(), followed.endsAt(), seats.size(), followed.credits(), followed.waitlist(),
                    followed.opensDaysBefore(), followed.closesMinutesBefore(), followed.lateCancelMinutes());
        }
        if (!followed.equals(terms)) {
            revise(followed, true, command.actor(), command.at());
        }
    }

    private void revise(SessionTerms revised, boolean keepBookings, String actor, Instant at) {
        SessionRevised event = new SessionRevised(sessionId, organizationId, siteId, revised, terms.startsAt(),
                keepBookings, actor, at);
        apply(event);
        if (event.rescheduled() && !keepBookings) {
            releaseEveryone(true, "session-rescheduled", actor, at);
        } else {
            int freeSeats = revised.capacity() - seats.size();
            if (revised.waitlist() != WaitlistMode.ORDERED && freeSeats > 0) {
                seatFreed(at);
            }
            for (; revised.waitlist() == WaitlistMode.ORDERED && freeSeats > 0; freeSeats--) {
                seatFreed(at);
            }
        }
    }

    /**
     * Holds a seat if one is free, else puts the booking on the waitlist. With an ordered waitlist nobody jumps the
     * line: a newcomer waits while others do. First come, first served: someone waiting books again to take a seat
     * that was offered.
     */
    @CommandHandler
    void handle(RequestBooking command) {
        boolean waiting = waitlist.contains(command.bookingId());
        if (seats.containsKey(command.bookingId())
                || (waiting && (terms.waitlist() == WaitlistMode.ORDERED || seats.size() >= terms.capacity()))) {
            return;
        }
        if (!waiting && members.containsValue(command.memberId())) {
            throw new RuleViolationException("already-booked", "This member already has a booking for this session.");
        }
        if (cancelled) {
            throw new RuleViolationException("session-cancelled", "This session was cancelled.");
        }
        if (!command.at().isBefore(terms.startsAt())) {
            throw new RuleViolationException("session-started", "This session has started: it takes no bookings.");
        }
        if (command.channel() == Channel.ONLINE) {
            terms.online().mayBook(terms.startsAt(), command.at(), "session");
        }
        boolean lineAhead = terms.waitlist() == WaitlistMode.ORDERED && !waitlist.isEmpty();
        if (seats.size() < terms.capacity() && !lineAhead) {
            apply(new SeatHeld(sessionId, organizationId, siteId, command.bookingId(), command.memberId(),
                    terms.activityType(), terms.startsAt(), terms.credits(), waiting ? null : command.channel(),
                    waiting, command.actor(), command.at()));
        } else if (terms.waitlist() != WaitlistMode.OFF) {
            apply(new Waitlisted(sessionId, organizationId, siteId, command.bookingId(), command.memberId(),
                    command.channel(), terms.waitlist() == WaitlistMode.ORDERED ? waitlist.size() + 1 : null,
                    command.actor(), command.at()));
        } else {
            throw new RuleViolationException("session-full", "This session is full and has no waitlist.");
        }
    }

    @CommandHandler
    void handle(ConfirmBooking command) {
        if (seats.get(command.bookingId()) == Seat.HELD) {
            apply(new BookingConfirmed(sessionId, organizationId, siteId, command.bookingId(),
                    members.get(command.bookingId()), command.paidBy(), command.payerId(), command.credits(),
                    command.at()));
            if (walkIns.contains(command.bookingId())) {
                apply(new AttendanceMarked(sessionId, organizationId, siteId, command.bookingId(),
                        members.get(command.bookingId()), Attendance.PRESENT, true, null, command.at()));
            }
        }
    }

    /** Present, absent, or the mark taken back (seed 000); only a booked member's, and each change once. */
    @CommandHandler
    void handle(MarkAttendance command) {
        if (seats.get(command.bookingId()) != Seat.CONFIRMED) {
            throw new RuleViolationException("not-booked", "Only a booked (paid) booking's attendance is marked.");
        }
        if (attendance.get(command.bookingId()) != command.attendance()) {
            apply(new AttendanceMarked(sessionId, organizationId, siteId, command.bookingId(),
                    members.get(command.bookingId()), command.attendance(), false, command.actor(), command.at()));
        }
    }

    /**
     * Check-in at the desk (seed 001's "pointer"): a booked member is marked present; a member without a booking walks
     * in, from a day before the start until the end, if a seat is free: the seat is paid through the credit protocol
     * like any booking, and the walk-in is marked present once it is.
     */
    @CommandHandler
    UUID handle(CheckIn command) {
        UUID booking = members.entrySet().stream().filter(entry -> entry.getValue().equals(command.memberId())
                && seats.containsKey(entry.getKey())).map(Map.Entry::getKey).findFirst().orElse(null);
        if (booking != null) {
            if (seats.get(booking) == Seat.HELD) {
                throw new RuleViolationException("payment-pending", "This member's booking is still being paid for.");
            }
            if (attendance.get(booking) != Attendance.PRESENT) {
                apply(new AttendanceMarked(sessionId, organizationId, siteId, booking, command.memberId(),
                        Attendance.PRESENT, true, command.actor(), command.at()));
            }
            return booking;
        }
        if (cancelled) {
            throw new RuleViolationException("session-cancelled", "This session was cancelled.");
        }
        if (command.at().isBefore(terms.startsAt().minus(Duration.ofDays(1)))
                || !command.at().isBefore(terms.endsAt())) {
            throw new RuleViolationException("check-in-closed", "Check-in is open from the day before the session "
                    + "until its end.");
        }
        if (waitlist.stream().anyMatch(waiting -> members.get(waiting).equals(command.memberId()))) {
            throw new RuleViolationException("on-waitlist", "This member is on the waitlist: no seat is theirs yet.");
        }
        if (seats.size() >= terms.capacity()) {
            throw new RuleViolationException("session-full", "This session is full.");
        }
        apply(new WalkedIn(sessionId, organizationId, siteId, command.bookingId(), command.memberId(),
                command.actor(), command.at()));
        apply(new SeatHeld(sessionId, organizationId, siteId, command.bookingId(), command.memberId(),
                terms.activityType(), terms.startsAt(), terms.credits(), Channel.STAFF, false, command.actor(),
                command.at()));
        return command.bookingId();
    }

    @CommandHandler
    void handle(RefuseBooking command) {
        if (seats.get(command.bookingId()) == Seat.HELD) {
            apply(new BookingRefused(sessionId, organizationId, siteId, command.bookingId(),
                    members.get(command.bookingId()), command.reason(), command.at()));
            seatFreed(command.at());
        }
    }

    @CommandHandler
    void handle(CancelBooking command) {
        if (!seats.containsKey(command.bookingId())) {
            if (waitlist.contains(command.bookingId())) {
                leave(command.bookingId(), command.actor(), command.at());
                return;
            }
            throw new RuleViolationException("not-booked", "No booking " + command.bookingId() + " holds a seat.");
        }
        boolean late = command.channel() == Channel.ONLINE && !freeCancellation
                && terms.online().late(terms.startsAt(), command.at());
        apply(new BookingCancelled(sessionId, organizationId, siteId, command.bookingId(),
                members.get(command.bookingId()), command.channel(), command.recredit() && !late, late,
                command.notifyMember(), command.reason(), command.actor(), command.at()));
        seatFreed(command.at());
    }

    @CommandHandler
    void handle(LeaveWaitlist command) {
        if (waitlist.contains(command.bookingId())) {
            leave(command.bookingId(), command.actor(), command.at());
        }
    }

    /**
     * Cancels the session (staff): first the fact itself, then each booking holding a seat is cancelled with what paid
     * given back, and each waiting booking leaves the line; nobody is promoted.
     */
    @CommandHandler
    void handle(CancelSession command) {
        if (cancelled) {
            return;
        }
        if (!command.at().isBefore(terms.startsAt().plus(Duration.ofDays(1)))) {
            throw new RuleViolationException("session-over", "This session is over: it can no longer be cancelled.");
        }
        String reason = command.reason() == null ? "session-cancelled" : "session-cancelled: " + command.reason();
        apply(new SessionCancelled(sessionId, organizationId, siteId, terms.startsAt(), command.reason(),
                command.notifyMembers(), command.actor(), command.at()));
        releaseEveryone(command.notifyMembers(), reason, command.actor(), command.at());
    }

    /** Every booking holding a seat is cancelled with what paid given back; everyone waiting leaves the line. */
    private void releaseEveryone(boolean notifyMembers, String reason, String actor, Instant at) {
        for (UUID booking : List.copyOf(seats.keySet())) {
            apply(new BookingCancelled(sessionId, organizationId, siteId, booking, members.get(booking),
                    Channel.STAFF, true, false, notifyMembers, reason, actor, at));
        }
        for (UUID booking : List.copyOf(waitlist)) {
            leave(booking, actor, at);
        }
    }

    /** A seat is free: before the start, the first in line holds it (ordered), or everyone waiting is told. */
    private void seatFreed(Instant at) {
        if (cancelled || !at.isBefore(terms.startsAt()) || waitlist.isEmpty()) {
            return;
        }
        if (terms.waitlist() == WaitlistMode.ORDERED) {
            UUID first = waitlist.get(0);
            apply(new SeatHeld(sessionId, organizationId, siteId, first, members.get(first), terms.activityType(),
                    terms.startsAt(), terms.credits(), null, true, null, at));
        } else {
            apply(new SeatOffered(sessionId, organizationId, siteId, terms.capacity() - seats.size(), at));
        }
    }

    private void leave(UUID bookingId, String actor, Instant at) {
        apply(new LeftWaitlist(sessionId, organizationId, siteId, bookingId, members.get(bookingId), actor, at));
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        sessionId = event.sessionId();
        organizationId = event.organizationId();
        siteId = event.siteId();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(SessionRevised event) {
        terms = event.terms();
        freeCancellation = freeCancellation || (event.rescheduled() && event.keepBookings());
    }

    @EventSourcingHandler
    void on(AttendanceMarked event) {
        if (event.attendance() == null) {
            attendance.remove(event.bookingId());
        } else {
            attendance.put(event.bookingId(), event.attendance());
        }
    }

    @EventSourcingHandler
    void on(WalkedIn event) {
        walkIns.add(event.bookingId());
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(SeatHeld event) {
        waitlist.remove(event.bookingId());
        seats.put(event.bookingId(), Seat.HELD);
        members.put(event.bookingId(), event.memberId());
    }

    @EventSourcingHandler
    void on(BookingConfirmed event) {
        seats.put(event.bookingId(), Seat.CONFIRMED);
    }

    @EventSourcingHandler
    void on(BookingRefused event) {
        seats.remove(event.bookingId());
        members.remove(event.bookingId());
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        seats.remove(event.bookingId());
        members.remove(event.bookingId());
    }

    @EventSourcingHandler
    void on(Waitlisted event) {
        waitlist.add(event.bookingId());
        members.put(event.bookingId(), event.memberId());
    }

    @EventSourcingHandler
    void on(LeftWaitlist event) {
        waitlist.remove(event.bookingId());
        members.remove(event.bookingId());
    }
}
