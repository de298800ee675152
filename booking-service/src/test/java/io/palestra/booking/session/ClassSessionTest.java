package io.palestra.booking.session;

import io.palestra.booking.session.SessionMessages.Attendance;
import io.palestra.booking.session.SessionMessages.AttendanceMarked;
import io.palestra.booking.session.SessionMessages.BookingCancelled;
import io.palestra.booking.session.SessionMessages.BookingConfirmed;
import io.palestra.booking.session.SessionMessages.BookingRefused;
import io.palestra.booking.session.SessionMessages.CancelBooking;
import io.palestra.booking.session.SessionMessages.CancelSession;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.booking.session.SessionMessages.CheckIn;
import io.palestra.booking.session.SessionMessages.ConfirmBooking;
import io.palestra.booking.session.SessionMessages.LeaveWaitlist;
import io.palestra.booking.session.SessionMessages.LeftWaitlist;
import io.palestra.booking.session.SessionMessages.MarkAttendance;
import io.palestra.booking.session.SessionMessages.RefuseBooking;
import io.palestra.booking.session.SessionMessages.RequestBooking;
import io.palestra.booking.session.SessionMessages.ReviseSession;
import io.palestra.booking.session.SessionMessages.ScheduleSession;
import io.palestra.booking.session.SessionMessages.SeatHeld;
import io.palestra.booking.session.SessionMessages.SeatOffered;
import io.palestra.booking.session.SessionMessages.SessionCancelled;
import io.palestra.booking.session.SessionMessages.SessionRevised;
import io.palestra.booking.session.SessionMessages.SessionScheduled;
import io.palestra.booking.session.SessionMessages.WalkedIn;
import io.palestra.booking.session.SessionMessages.Waitlisted;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

/** A class session's seats: held, confirmed or refused, cancelled, and its waitlist, rule by rule. */
class ClassSessionTest {

    private static final UUID SESSION = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final Instant STARTS = Instant.parse("2027-03-10T17:30:00Z");
    private static final UUID PASS = UUID.randomUUID();
    private static final String ACTOR = "staff-1";
    private static final Instant BEFORE = STARTS.minus(Duration.ofDays(1));

    private final UUID anne = UUID.randomUUID();
    private final UUID bruno = UUID.randomUUID();
    private final UUID chloe = UUID.randomUUID();
    private final UUID denis = UUID.randomUUID();
    private final UUID anneBooking = UUID.randomUUID();
    private final UUID brunoBooking = UUID.randomUUID();
    private final UUID chloeBooking = UUID.randomUUID();
    private final UUID denisBooking = UUID.randomUUID();
    private AggregateTestFixture<ClassSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClassSession.class);
    }

    @Test
    void aFullSessionWaitlistsInOrderOrRefusesWithoutAWaitlist() {
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false))
                .when(book(chloeBooking, chloe, Channel.STAFF))
                .expectEvents(new Waitlisted(SESSION, ORGANIZATION, LYON, chloeBooking, chloe, Channel.STAFF, 1, ACTOR, BEFORE));
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        waitlisted(chloeBooking, chloe, 1))
                .when(book(denisBooking, denis, Channel.ONLINE))
                .expectEvents(new Waitlisted(SESSION, ORGANIZATION, LYON, denisBooking, denis, Channel.ONLINE, 2, ACTOR, BEFORE));
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false), held(brunoBooking, bruno, false))
                .when(book(chloeBooking, chloe, Channel.STAFF))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void aHeldSeatIsConfirmedOrRefusedAndARefusedOnePassesToTheFirstInLine() {
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false))
                .when(new ConfirmBooking(SESSION, anneBooking, "pass", PASS, 1, BEFORE))
                .expectEvents(new BookingConfirmed(SESSION, ORGANIZATION, LYON, anneBooking, anne, "pass", PASS, 1, BEFORE));
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        waitlisted(chloeBooking, chloe, 1), waitlisted(denisBooking, denis, 2))
                .when(new RefuseBooking(SESSION, brunoBooking, "no-credits-left", BEFORE))
                .expectEvents(new BookingRefused(SESSION, ORGANIZATION, LYON, brunoBooking, bruno, "no-credits-left", BEFORE),
                        held(chloeBooking, chloe, true));
        // a redelivered answer changes nothing
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false),
                        new BookingConfirmed(SESSION, ORGANIZATION, LYON, anneBooking, anne, "pass", PASS, 1, BEFORE))
                .when(new RefuseBooking(SESSION, anneBooking, "late", BEFORE)).expectNoEvents();
    }

    @Test
    void aCancellationFreesTheSeatForTheNextInLineButNotOnceTheSessionStarted() {
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        waitlisted(chloeBooking, chloe, 1))
                .when(new CancelBooking(SESSION, anneBooking, Channel.STAFF, true, true, null, ACTOR, BEFORE))
                .expectEvents(new BookingCancelled(SESSION, ORGANIZATION, LYON, anneBooking, anne, Channel.STAFF,
                        true, false, true, null, ACTOR, BEFORE), held(chloeBooking, chloe, true));
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        waitlisted(chloeBooking, chloe, 1))
                .when(new CancelBooking(SESSION, anneBooking, Channel.STAFF, true, true, null, ACTOR, STARTS))
                .expectEvents(new BookingCancelled(SESSION, ORGANIZATION, LYON, anneBooking, anne, Channel.STAFF,
                        true, false, true, null, ACTOR, STARTS));
    }

    @Test
    void anOnlineCancellationAfterTheCutoffGetsNoCreditBack() {
        Instant late = STARTS.minus(Duration.ofMinutes(60));
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false))
                .when(new CancelBooking(SESSION, anneBooking, Channel.ONLINE, true, true, null, ACTOR, late))
                .expectEvents(new BookingCancelled(SESSION, ORGANIZATION, LYON, anneBooking, anne, Channel.ONLINE,
                        false, true, true, null, ACTOR, late));
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false))
                .when(new CancelBooking(SESSION, anneBooking, Channel.STAFF, true, true, null, ACTOR, late))
                .expectEvents(new BookingCancelled(SESSION, ORGANIZATION, LYON, anneBooking, anne, Channel.STAFF,
                        true, false, true, null, ACTOR, late));
    }

    @Test
    void firstComeFirstServedOffersAFreedSeatAndTheFirstWaitingToBookTakesIt() {
        fixture.given(scheduled(WaitlistMode.WAITING), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        new Waitlisted(SESSION, ORGANIZATION, LYON, chloeBooking, chloe, Channel.ONLINE, null, ACTOR, BEFORE))
                .when(new CancelBooking(SESSION, anneBooking, Channel.STAFF, true, true, null, ACTOR, BEFORE))
                .expectEvents(new BookingCancelled(SESSION, ORGANIZATION, LYON, anneBooking, anne, Channel.STAFF,
                        true, false, true, null, ACTOR, BEFORE), new SeatOffered(SESSION, ORGANIZATION, LYON, 1, BEFORE));
        fixture.given(scheduled(WaitlistMode.WAITING), held(brunoBooking, bruno, false),
                        new Waitlisted(SESSION, ORGANIZATION, LYON, chloeBooking, chloe, Channel.ONLINE, null, ACTOR, BEFORE))
                .when(book(chloeBooking, chloe, Channel.ONLINE))
                .expectEvents(new SeatHeld(SESSION, ORGANIZATION, LYON, chloeBooking, chloe, "yoga", STARTS, 1, null,
                        true, ACTOR, BEFORE));
    }

    @Test
    void oneBookingPerMemberAndOnlineOnlyWithinItsWindow() {
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false))
                .when(book(UUID.randomUUID(), anne, Channel.STAFF)).expectException(RuleViolationException.class);
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false))
                .when(book(anneBooking, anne, Channel.STAFF)).expectNoEvents();
        fixture.given(scheduled(WaitlistMode.OFF))
                .when(new RequestBooking(SESSION, anneBooking, anne, Channel.ONLINE, ACTOR, STARTS.minus(Duration.ofDays(8))))
                .expectException(RuleViolationException.class);
        fixture.given(scheduled(WaitlistMode.OFF))
                .when(new RequestBooking(SESSION, anneBooking, anne, Channel.STAFF, ACTOR, STARTS.minus(Duration.ofDays(8))))
                .expectEvents(new SeatHeld(SESSION, ORGANIZATION, LYON, anneBooking, anne, "yoga", STARTS, 1,
                        Channel.STAFF, false, ACTOR, STARTS.minus(Duration.ofDays(8))));
        fixture.given(scheduled(WaitlistMode.OFF))
                .when(new RequestBooking(SESSION, anneBooking, anne, Channel.ONLINE, ACTOR,
                        STARTS.minus(Duration.ofMinutes(30))))
                .expectException(RuleViolationException.class);
        fixture.given(scheduled(WaitlistMode.OFF))
                .when(new RequestBooking(SESSION, anneBooking, anne, Channel.STAFF, ACTOR, STARTS))
                .expectException(RuleViolationException.class);
    }

    @Test
    void leavingTheWaitlistAndBadSessionsAreRefused() {
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        waitlisted(chloeBooking, chloe, 1))
                .when(new LeaveWaitlist(SESSION, chloeBooking, ACTOR, BEFORE))
                .expectEvents(new LeftWaitlist(SESSION, ORGANIZATION, LYON, chloeBooking, chloe, ACTOR, BEFORE));
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(SESSION, ORGANIZATION, LYON, null, new SessionTerms(" ", null, null, STARTS,
                        STARTS, 0, 1, WaitlistMode.OFF, null, null, null), ACTOR, BEFORE))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void aCancelledSessionGivesEveryCreditBackLetsTheLineGoAndTakesNoMoreBookings() {
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        new BookingConfirmed(SESSION, ORGANIZATION, LYON, anneBooking, anne, "pass", PASS, 1, BEFORE),
                        waitlisted(chloeBooking, chloe, 1))
                .when(new CancelSession(SESSION, "coach ill", true, ACTOR, BEFORE))
                .expectEvents(new SessionCancelled(SESSION, ORGANIZATION, LYON, STARTS, "coach ill", true, ACTOR,
                                BEFORE),
                        new BookingCancelled(SESSION, ORGANIZATION, LYON, anneBooking, anne, Channel.STAFF, true, false,
                                true, "session-cancelled: coach ill", ACTOR, BEFORE),
                        new BookingCancelled(SESSION, ORGANIZATION, LYON, brunoBooking, bruno, Channel.STAFF, true,
                                false, true, "session-cancelled: coach ill", ACTOR, BEFORE),
                        new LeftWaitlist(SESSION, ORGANIZATION, LYON, chloeBooking, chloe, ACTOR, BEFORE));
        fixture.given(scheduled(WaitlistMode.ORDERED),
                        new SessionCancelled(SESSION, ORGANIZATION, LYON, STARTS, null, true, ACTOR, BEFORE))
                .when(book(denisBooking, denis, Channel.STAFF))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(scheduled(WaitlistMode.ORDERED),
                        new SessionCancelled(SESSION, ORGANIZATION, LYON, STARTS, null, true, ACTOR, BEFORE))
                .when(new CancelSession(SESSION, null, true, ACTOR, BEFORE)).expectNoEvents();
        fixture.given(scheduled(WaitlistMode.ORDERED))
                .when(new CancelSession(SESSION, null, true, ACTOR, STARTS.plus(Duration.ofDays(1))))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("is over"))
                .expectNoEvents();
    }

    @Test
    void attendanceIsMarkedTakenBackAndOnlyForBookedMembers() {
        BookingConfirmed paid = new BookingConfirmed(SESSION, ORGANIZATION, LYON, anneBooking, anne, "pass", PASS, 1,
                BEFORE);
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false), paid)
                .when(new MarkAttendance(SESSION, anneBooking, Attendance.ABSENT, ACTOR, STARTS))
                .expectEvents(new AttendanceMarked(SESSION, ORGANIZATION, LYON, anneBooking, anne, Attendance.ABSENT,
                        false, ACTOR, STARTS));
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false), paid,
                        new AttendanceMarked(SESSION, ORGANIZATION, LYON, anneBooking, anne, Attendance.ABSENT, false,
                                ACTOR, STARTS))
                .when(new MarkAttendance(SESSION, anneBooking, null, ACTOR, STARTS))
                .expectEvents(new AttendanceMarked(SESSION, ORGANIZATION, LYON, anneBooking, anne, null, false, ACTOR,
                        STARTS));
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false))
                .when(new MarkAttendance(SESSION, anneBooking, Attendance.PRESENT, ACTOR, STARTS))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void aCheckInMarksABookedMemberPresentAndAWalkInTakesAFreeSeatMarkedPresentOncePaid() {
        BookingConfirmed paid = new BookingConfirmed(SESSION, ORGANIZATION, LYON, anneBooking, anne, "pass", PASS, 1,
                BEFORE);
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false), paid)
                .when(new CheckIn(SESSION, UUID.randomUUID(), anne, ACTOR, STARTS))
                .expectEvents(new AttendanceMarked(SESSION, ORGANIZATION, LYON, anneBooking, anne, Attendance.PRESENT,
                        true, ACTOR, STARTS))
                .expectResultMessagePayload(anneBooking);
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false), paid)
                .when(new CheckIn(SESSION, brunoBooking, bruno, ACTOR, STARTS))
                .expectEvents(new WalkedIn(SESSION, ORGANIZATION, LYON, brunoBooking, bruno, ACTOR, STARTS),
                        new SeatHeld(SESSION, ORGANIZATION, LYON, brunoBooking, bruno, "yoga", STARTS, 1,
                                Channel.STAFF, false, ACTOR, STARTS));
        fixture.given(scheduled(WaitlistMode.OFF), new WalkedIn(SESSION, ORGANIZATION, LYON, brunoBooking, bruno,
                        ACTOR, STARTS), held(brunoBooking, bruno, false))
                .when(new ConfirmBooking(SESSION, brunoBooking, "pass", PASS, 1, STARTS))
                .expectEvents(new BookingConfirmed(SESSION, ORGANIZATION, LYON, brunoBooking, bruno, "pass", PASS, 1,
                        STARTS), new AttendanceMarked(SESSION, ORGANIZATION, LYON, brunoBooking, bruno,
                        Attendance.PRESENT, true, null, STARTS));
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false), held(brunoBooking, bruno, false))
                .when(new CheckIn(SESSION, chloeBooking, chloe, ACTOR, STARTS))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(scheduled(WaitlistMode.OFF))
                .when(new CheckIn(SESSION, chloeBooking, chloe, ACTOR, STARTS.plus(Duration.ofHours(1))))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false))
                .when(new CheckIn(SESSION, UUID.randomUUID(), anne, ACTOR, STARTS))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("still being paid for")).expectNoEvents();
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        waitlisted(chloeBooking, chloe, 1))
                .when(new CheckIn(SESSION, UUID.randomUUID(), chloe, ACTOR, STARTS))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("on the waitlist")).expectNoEvents();
    }

    @Test
    void aRevisionAddsSeatsForTheLineAndARescheduleReleasesOrKeepsTheBookings() {
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false),
                        waitlisted(chloeBooking, chloe, 1))
                .when(new ReviseSession(SESSION, terms(3, WaitlistMode.ORDERED), false, ACTOR, BEFORE))
                .expectEvents(new SessionRevised(SESSION, ORGANIZATION, LYON, terms(3, WaitlistMode.ORDERED), STARTS,
                        false, ACTOR, BEFORE), held(chloeBooking, chloe, true));
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), held(brunoBooking, bruno, false))
                .when(new ReviseSession(SESSION, terms(1, WaitlistMode.ORDERED), false, ACTOR, BEFORE))
                .expectException(RuleViolationException.class).expectNoEvents();
        Instant later = STARTS.plus(Duration.ofHours(2));
        SessionTerms moved = terms(2, WaitlistMode.ORDERED).at(later, later.plus(Duration.ofHours(1)));
        fixture.given(scheduled(WaitlistMode.ORDERED), held(anneBooking, anne, false), waitlisted(chloeBooking, chloe, 1))
                .when(new ReviseSession(SESSION, moved, false, ACTOR, BEFORE))
                .expectEvents(new SessionRevised(SESSION, ORGANIZATION, LYON, moved, STARTS, false, ACTOR, BEFORE),
                        new BookingCancelled(SESSION, ORGANIZATION, LYON, anneBooking, anne, Channel.STAFF, true, false,
                                true, "session-rescheduled", ACTOR, BEFORE),
                        new LeftWaitlist(SESSION, ORGANIZATION, LYON, chloeBooking, chloe, ACTOR, BEFORE));
        Instant lastMinute = later.minus(Duration.ofMinutes(30));
        fixture.given(scheduled(WaitlistMode.OFF), held(anneBooking, anne, false),
                        new SessionRevised(SESSION, ORGANIZATION, LYON, moved, STARTS, true, ACTOR, BEFORE))
                .when(new CancelBooking(SESSION, anneBooking, Channel.ONLINE, true, true, null, ACTOR, lastMinute))
                .expectEvents(new BookingCancelled(SESSION, ORGANIZATION, LYON, anneBooking, anne, Channel.ONLINE, true,
                        false, true, null, ACTOR, lastMinute));
    }

    private SessionScheduled scheduled(WaitlistMode waitlist) {
        return new SessionScheduled(SESSION, ORGANIZATION, LYON, null, terms(2, waitlist), ACTOR, BEFORE);
    }

    private static SessionTerms terms(int capacity, WaitlistMode waitlist) {
        return new SessionTerms("yoga", null, "Studio 1", STARTS, STARTS.plus(Duration.ofHours(1)), capacity, 1,
                waitlist, 7, 60, 120);
    }

    private static SeatHeld held(UUID booking, UUID member, boolean promoted) {
        return new SeatHeld(SESSION, ORGANIZATION, LYON, booking, member, "yoga", STARTS, 1,
                promoted ? null : Channel.STAFF, promoted, promoted ? null : ACTOR, BEFORE);
    }

    private static Waitlisted waitlisted(UUID booking, UUID member, Integer position) {
        return new Waitlisted(SESSION, ORGANIZATION, LYON, booking, member, Channel.STAFF, position, ACTOR, BEFORE);
    }

    private static RequestBooking book(UUID booking, UUID member, Channel channel) {
        return new RequestBooking(SESSION, booking, member, channel, ACTOR, BEFORE);
    }
}
