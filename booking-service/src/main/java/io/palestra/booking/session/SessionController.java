package io.palestra.booking.session;

import io.palestra.booking.session.SessionMessages.CancelSession;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.booking.session.SessionMessages.CheckIn;
import io.palestra.booking.session.SessionMessages.ReviseSession;
import io.palestra.booking.session.SessionMessages.ScheduleSession;
import io.palestra.booking.session.SessionQueries.BookingView;
import io.palestra.booking.session.SessionQueries.FindSession;
import io.palestra.booking.session.SessionQueries.ListSessions;
import io.palestra.booking.session.SessionQueries.Occupancy;
import io.palestra.booking.session.SessionQueries.OccupancyReport;
import io.palestra.booking.session.SessionQueries.Roster;
import io.palestra.booking.session.SessionQueries.SessionList;
import io.palestra.booking.session.SessionQueries.SessionRoster;
import io.palestra.booking.session.SessionQueries.SessionView;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.PreconditionFailedException;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.palestra.platform.security.Role;
import io.palestra.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/** Class sessions: schedule, read the timetable and a roster, book a member. */
@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "Sessions")
class SessionController {

    static final String MANAGERS = "hasAnyRole('OWNER', 'MANAGER')";
    static final String BOOKERS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH', 'INTEGRATION')";
    static final String STAFF = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH')";
    static final String READERS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH', 'INTEGRATION', 'ANALYST')";
    private static final int MAX_LIMIT = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final BookingDesk desk;
    private final Organizations organizations;
    private final Clock clock;

    SessionController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, BookingDesk desk,
                      Organizations organizations, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.desk = desk;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * @param waitlist            off, ordered (the first in line takes a freed seat) or waiting (first come, first
     *                            served); off by default
     * @param opensDaysBefore     online booking opens this many days before; always open when absent
     * @param closesMinutesBefore online booking closes this many minutes before; at the start when absent
     * @param lateCancelMinutes   an online cancellation later than this gets no credit back
     */
    record ScheduleRequest(@NotNull UUID siteId, @NotNull @Size(max = 100) String activityType, UUID coachId,
                           @Size(max = 200) String room, @NotNull Instant startsAt, @NotNull Instant endsAt,
                           @NotNull Integer capacity, Integer credits, WaitlistMode waitlist, Integer opensDaysBefore,
                           Integer closesMinutesBefore, Integer lateCancelMinutes) {

        SessionTerms terms() {
            return new SessionTerms(activityType, coachId, room, startsAt, endsAt, capacity,
                    credits == null ? 1 : credits, waitlist, opensDaysBefore, closesMinutesBefore, lateCancelMinutes);
        }
    }

    /**
     * The session's terms as they are to be, whole (the activity stays); {@code keepBookings} on a new time keeps
     * the bookings instead of releasing them with their credit back.
     */
    record ReviseRequest(UUID coachId, @Size(max = 200) String room, @NotNull Instant startsAt,
                         @NotNull Instant endsAt, @NotNull Integer capacity, @NotNull Integer credits,
                         @NotNull WaitlistMode waitlist, Integer opensDaysBefore, Integer closesMinutesBefore,
                         Integer lateCancelMinutes, Boolean keepBookings) {
    }

    /** @param notifyMembers whether booked and waiting members are told (yes by default) */
    record CancelSessionRequest(@Size(max = 500) String reason, Boolean notifyMembers) {
    }

    /** @param channel for integrations: online (the member in the club's app, the default) or integration */
    record BookRequest(@NotNull UUID memberId, String channel) {
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Schedule a class session",
            description = "Times are instants (UTC or with an offset); the site's time zone is used for its days.")
    ResponseEntity<SessionView> schedule(@Valid @RequestBody ScheduleRequest request, Caller caller) {
        organizations.managedSite(caller, request.siteId());
        UUID sessionId = UUID.randomUUID();
        commands.sendAndWait(new ScheduleSession(sessionId, caller.organization(), request.siteId(), null,
                request.terms(), caller.subject(), clock.instant()));
        readYourWrites.await(SessionDirectory.GROUP, sessionId.toString());
        SessionView session = visible(caller, sessionId);
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + sessionId))
                .eTag(Versions.etag(session.version())).body(session);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change one session: coach, room, seats, credits, waitlist, booking rules, or its time",
            description = "Seats never fall below the bookings holding one; added seats go to the waitlist. A new "
                    + "time is a reschedule (SessionRevised, rescheduled): its bookings are released with their "
                    + "credit back and the waitlist let go, unless keepBookings, after which an online cancellation "
                    + "gets its credit back whenever it comes. If-Match is honoured.")
    ResponseEntity<SessionView> revise(@PathVariable UUID id, @Valid @RequestBody ReviseRequest request,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       Caller caller) {
        SessionView session = visible(caller, id);
        Long expected = Versions.expected(ifMatch);
        if (expected != null && expected != session.version()) {
            throw new PreconditionFailedException("precondition-failed", "The session changed since version "
                    + expected + ": read it again.");
        }
        commands.sendAndWait(new ReviseSession(id, new SessionTerms(session.activityType(), request.coachId(),
                request.room(), request.startsAt(), request.endsAt(), request.capacity(), request.credits(),
                request.waitlist(), request.opensDaysBefore(), request.closesMinutesBefore(),
                request.lateCancelMinutes()), Boolean.TRUE.equals(request.keepBookings()), caller.subject(),
                clock.instant()));
        readYourWrites.await(SessionDirectory.GROUP, id.toString());
        SessionView revised = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(revised.version())).body(revised);
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Cancel a session: every booking is cancelled with its credit back, the waitlist let go",
            description = "Published as SessionCancelled, then one BookingCancelled (recredit, reason "
                    + "session-cancelled) per booking and one WaitlistLeft per waiting booking.")
    ResponseEntity<SessionView> cancel(@PathVariable UUID id,
                                       @Valid @RequestBody(required = false) CancelSessionRequest request,
                                       Caller caller) {
        visible(caller, id);
        CancelSessionRequest asked = request == null ? new CancelSessionRequest(null, null) : request;
        commands.sendAndWait(new CancelSession(id, asked.reason(), !Boolean.FALSE.equals(asked.notifyMembers()),
                caller.subject(), clock.instant()));
        readYourWrites.await(SessionDirectory.GROUP, id.toString());
        SessionView session = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(session.version())).body(session);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The timetable: sessions starting in [from, to), by start, with free seats")
    SessionList list(@RequestParam(required = false) UUID siteId, @RequestParam(required = false) String activityType,
                     @RequestParam(required = false) UUID coachId, @RequestParam(required = false) UUID scheduleId,
                     @RequestParam(required = false) Instant from,
                     @RequestParam(required = false) Instant to,
                     @RequestParam(required = false, defaultValue = "200") int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        SessionList sessions = queries.query(new ListSessions(caller.organization(), siteId, activityType, coachId,
                scheduleId, from, to, limit), SessionList.class).join();
        return new SessionList(sessions.items().stream().filter(session -> caller.sees(session.siteId())).toList());
    }

    @GetMapping("/occupancy")
    @PreAuthorize(READERS)
    @Operation(summary = "Occupancy per site, activity, coach and day (fréquentation of the timetable)",
            description = "Days in [from, to), at most 366, in each site's time zone; cancelled sessions are left "
                    + "out. Seats, booked seats, members marked present and absent, and the fill rate. Analysts "
                    + "can rebuild the same from palestra.bookings.events (see the event catalog).")
    OccupancyReport occupancy(@RequestParam LocalDate from, @RequestParam LocalDate to,
                              @RequestParam(required = false) UUID siteId,
                              @RequestParam(required = false) String activityType,
                              @RequestParam(required = false) UUID coachId, Caller caller) {
        if (!to.isAfter(from) || from.plusDays(366).isBefore(to)) {
            throw InvalidInputException.of("to", "must be after from, at most 366 days later");
        }
        OccupancyReport report = queries.query(new Occupancy(caller.organization(), from, to, siteId, activityType,
                coachId), OccupancyReport.class).join();
        return new OccupancyReport(report.rows().stream().filter(row -> caller.sees(row.siteId())).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A session with its booked seats, free seats and waitlist length")
    ResponseEntity<SessionView> get(@PathVariable UUID id, Caller caller) {
        SessionView session = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(session.version())).body(session);
    }

    @GetMapping("/{id}/roster")
    @PreAuthorize(STAFF)
    @Operation(summary = "Who is booked (pending while payment is decided, booked) and who waits, in line order")
    Roster roster(@PathVariable UUID id, Caller caller) {
        visible(caller, id);
        return queries.query(new SessionRoster(caller.organization(), id), ResponseTypes.optionalInstanceOf(
                Roster.class)).join().orElseThrow(() -> NotFoundException.of("session", id));
    }

    @PostMapping("/{id}/bookings")
    @PreAuthorize(BOOKERS)
    @Operation(summary = "Book a member: a seat, or a place on the waitlist",
            description = "A free seat is held while subscription-service decides what pays (a covering membership, "
                    + "else the pass with the nearest expiry). The answer waits for that decision up to "
                    + "palestra.bookings.answer-wait (2 s): 201 with the booking booked or waitlisted; 422 "
                    + "booking-refused when nothing pays; 202 with the pending booking and its Location when the "
                    + "decision takes longer (read it there). Staff book at the desk (channel staff); an integration "
                    + "books online for the member (the booking window and the blacklist apply) unless it says "
                    + "channel integration.")
    ResponseEntity<BookingView> book(@PathVariable UUID id, @Valid @RequestBody BookRequest request, Caller caller) {
        SessionView session = visible(caller, id);
        Channel channel = channel(request.channel(), caller);
        UUID member = desk.bookable(caller.organization(), request.memberId(), channel, session);
        UUID bookingId = UUID.randomUUID();
        BookingView booking = desk.book(caller.organization(), id, bookingId, member, channel, caller.subject());
        return BookingController.answer(booking);
    }

    record CheckInRequest(@NotNull UUID memberId) {
    }

    @PostMapping("/{id}/check-ins")
    @PreAuthorize(STAFF)
    @Operation(summary = "Check a member in at the desk: a booked member is marked present; anyone else walks in",
            description = "A walk-in is a booking made now, from the day before the session until its end, if a "
                    + "seat is free: paid through the credit protocol like any booking (a pass's credit), and marked "
                    + "present once paid. Answers 200 with the booked member's booking, or like a booking for a "
                    + "walk-in (201, 202 pending, 422 booking-refused).")
    ResponseEntity<BookingView> checkIn(@PathVariable UUID id, @Valid @RequestBody CheckInRequest request,
                                        Caller caller) {
        SessionView session = visible(caller, id);
        UUID member = desk.bookable(caller.organization(), request.memberId(), Channel.STAFF, session);
        UUID walkIn = UUID.randomUUID();
        UUID booking = commands.sendAndWait(new CheckIn(id, walkIn, member, caller.subject(), clock.instant()));
        if (walkIn.equals(booking)) {
            return BookingController.answer(desk.decision(caller.organization(), id, walkIn));
        }
        readYourWrites.await(SessionDirectory.GROUP, id.toString());
        return ResponseEntity.ok(desk.find(caller.organization(), booking));
    }

    private static Channel channel(String requested, Caller caller) {
        boolean staff = caller.has(Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.COACH);
        if (staff) {
            if (requested != null && !"staff".equals(requested)) {
                throw InvalidInputException.of("channel", "staff book at the desk: leave it out or say staff");
            }
            return Channel.STAFF;
        }
        if (requested == null || "online".equals(requested)) {
            return Channel.ONLINE;
        }
        if ("integration".equals(requested)) {
            return Channel.INTEGRATION;
        }
        throw InvalidInputException.of("channel", "must be online or integration, not "
                + requested.toLowerCase(Locale.ROOT));
    }

    SessionView visible(Caller caller, UUID id) {
        SessionView session = queries.query(new FindSession(caller.organization(), id),
                ResponseTypes.optionalInstanceOf(SessionView.class)).join()
                .orElseThrow(() -> NotFoundException.of("session", id));
        if (!caller.sees(session.siteId())) {
            throw NotFoundException.of("session", id);
        }
        return session;
    }
}
