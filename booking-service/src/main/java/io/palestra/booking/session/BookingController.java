package io.palestra.booking.session;

import io.palestra.booking.member.Members;
import io.palestra.booking.session.SessionMessages.Attendance;
import io.palestra.booking.session.SessionMessages.CancelBooking;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.booking.session.SessionMessages.MarkAttendance;
import io.palestra.booking.session.SessionQueries.BookingList;
import io.palestra.booking.session.SessionQueries.BookingView;
import io.palestra.booking.session.SessionQueries.MemberBookings;
import io.palestra.booking.session.SessionQueries.SeriesBooking;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Bookings: read one, a member's history, cancel (or leave the waitlist), take a seat offered to those waiting. */
@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings")
class BookingController {

    private static final Set<String> STATUSES = Set.of("pending", "booked", "attended", "no-show", "waitlisted",
            "refused", "cancelled", "left-waitlist");
    private static final int MAX_LIMIT = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final BookingDesk desk;
    private final Members members;
    private final Clock clock;

    BookingController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, BookingDesk desk,
                      Members members, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.desk = desk;
        this.members = members;
        this.clock = clock;
    }

    /**
     * @param recredit whether what paid is given back (staff choose, yes by default; online, only before the
     *                 session's late-cancellation cutoff)
     * @param notifyMember whether the member is told (yes by default)
     */
    record CancelRequest(Boolean recredit, Boolean notifyMember, @Size(max = 500) String reason) {
    }

    /** @param attendance present, absent, or null to take the mark back */
    record AttendanceRequest(Attendance attendance) {
    }

    @PostMapping("/{id}/attendance")
    @PreAuthorize(SessionController.STAFF)
    @Operation(summary = "Mark a booked member present or absent (no-show), or take the mark back (null)",
            description = "The booking then reads attended or no-show; published as AttendanceMarked.")
    BookingView markAttendance(@PathVariable UUID id, @Valid @RequestBody AttendanceRequest request, Caller caller) {
        BookingView booking = visible(caller, id);
        commands.sendAndWait(new MarkAttendance(booking.sessionId(), id, request.attendance(), caller.subject(),
                clock.instant()));
        readYourWrites.await(SessionDirectory.GROUP, booking.sessionId().toString());
        return visible(caller, id);
    }

    /** @param from the first session's earliest start; now when absent */
    record SeriesRequest(@NotNull UUID scheduleId, @NotNull UUID memberId, Instant from) {
    }

    @PostMapping("/series")
    @PreAuthorize(SessionController.STAFF)
    @Operation(summary = "Book a member into every coming session of a schedule (recurring booking)",
            description = "Each occurrence is its own booking (a seat, pending while paid for, or a waitlist place), "
                    + "cancelled on its own. Occurrences where the member already holds a seat at an overlapping time "
                    + "are skipped as conflict; those a session refuses, with its code (session-full, "
                    + "already-booked…).")
    ResponseEntity<SeriesBooking> bookSeries(@Valid @RequestBody SeriesRequest request, Caller caller) {
        UUID member = desk.bookable(caller.organization(), request.memberId(), Channel.STAFF, null);
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.bookSeries(caller.organization(),
                request.scheduleId(), member, request.from(), caller.subject()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(SessionController.READERS)
    @Operation(summary = "A booking: its status (pending, booked, waitlisted with its position, refused, cancelled, "
            + "left-waitlist) and what paid")
    BookingView get(@PathVariable UUID id, Caller caller) {
        return visible(caller, id);
    }

    @GetMapping
    @PreAuthorize(SessionController.READERS)
    @Operation(summary = "A member's bookings, latest session first, past and future, cancelled ones included; "
            + "status=attended is the member's attendance history (fréquentation), check-ins included",
            description = "Bookings of records merged into the member are the member's. 404 member-not-found for "
                    + "a member bookings does not know (yet). Court, room and appointment bookings are at GET "
                    + "/api/v1/resources/bookings?memberId.")
    BookingList list(@RequestParam UUID memberId, @RequestParam(required = false) Instant from,
                     @RequestParam(required = false) Instant to, @RequestParam(required = false) String status,
                     @RequestParam(required = false, defaultValue = "200") int limit, Caller caller) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "must be one of " + String.join(", ", STATUSES));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        BookingList bookings = queries.query(new MemberBookings(caller.organization(), members.history(
                caller.organization(), memberId),
                from, to, status, limit), BookingList.class).join();
        return new BookingList(bookings.items().stream().filter(booking -> caller.sees(booking.siteId())).toList());
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize(SessionController.BOOKERS)
    @Operation(summary = "Cancel a booking, or take a waiting one off the waitlist",
            description = "The freed seat goes to the first in line (ordered waitlist) or is offered to everyone "
                    + "waiting (first come, first served), until the session starts. The cancellation stays in the "
                    + "member's history. An integration cancels online, for the member.")
    BookingView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest request,
                       Caller caller) {
        BookingView booking = visible(caller, id);
        CancelRequest asked = request == null ? new CancelRequest(null, null, null) : request;
        Channel channel = caller.has(Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.COACH) ? Channel.STAFF
                : Channel.ONLINE;
        commands.sendAndWait(new CancelBooking(booking.sessionId(), id, channel, !Boolean.FALSE.equals(
                asked.recredit()), !Boolean.FALSE.equals(asked.notifyMember()), asked.reason() == null
                ? (channel == Channel.STAFF ? "staff" : "member") : asked.reason(), caller.subject(),
                clock.instant()));
        readYourWrites.await(SessionDirectory.GROUP, booking.sessionId().toString());
        return visible(caller, id);
    }

    @PostMapping("/{id}/seat")
    @PreAuthorize(SessionController.BOOKERS)
    @Operation(summary = "First come, first served: a waiting booking takes a seat that was offered",
            description = "Answers like booking: 201 booked, 422 when the seat is gone or nothing pays, 202 while "
                    + "payment is being decided.")
    ResponseEntity<BookingView> takeSeat(@PathVariable UUID id, Caller caller) {
        BookingView booking = visible(caller, id);
        if (!"waitlisted".equals(booking.status())) {
            throw new RuleViolationException("not-waiting", "Booking " + id + " is not on a waitlist.");
        }
        BookingView after = desk.book(caller.organization(), booking.sessionId(), id, booking.memberId(),
                Channel.valueOf(booking.channel().toUpperCase(java.util.Locale.ROOT)), caller.subject());
        if ("waitlisted".equals(after.status())) {
            throw new RuleViolationException("no-seat-free", "No seat is free in this session any more.");
        }
        return answer(after);
    }

    private BookingView visible(Caller caller, UUID id) {
        BookingView booking = desk.find(caller.organization(), id);
        if (!caller.sees(booking.siteId())) {
            throw NotFoundException.of("booking", id);
        }
        return booking;
    }

    static ResponseEntity<BookingView> answer(BookingView booking) {
        return HeldBooking.answer(booking, "/api/v1/bookings/" + booking.bookingId());
    }
}
