package io.palestra.booking.session;

import io.palestra.booking.member.Members;
import io.palestra.booking.member.Bookers;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.booking.session.SessionMessages.RequestBooking;
import io.palestra.booking.session.SessionQueries.BookingView;
import io.palestra.booking.session.SessionQueries.FindBooking;
import io.palestra.booking.session.SessionQueries.ListSessions;
import io.palestra.booking.session.SessionQueries.MemberBusy;
import io.palestra.booking.session.SessionQueries.SeriesBooking;
import io.palestra.booking.session.SessionQueries.SessionList;
import io.palestra.booking.session.SessionQueries.Skipped;
import io.palestra.booking.session.SessionQueries.SessionView;
import io.palestra.platform.axon.RacingCommands;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Books a member into a session, the way the desk, integrations and the member's app all do: who may book (a known
 * member of the organisation, not erased; online, not merged away and not inside a blacklist period on the session's
 * day), the session's seat or waitlist place, then a short wait for subscription-service's answer on what pays.
 */
@Component
class BookingDesk {


    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Members members;
    private final Bookers bookers;
    private final Clock clock;
    private final Duration answerWait;

    BookingDesk(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, Members members,
                Bookers bookers, Clock clock,
                @Value("${palestra.bookings.answer-wait:2s}") Duration answerWait) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.members = members;
        this.bookers = bookers;
        this.clock = clock;
        this.answerWait = answerWait;
    }

    /** Who books (see {@link Bookers}); {@code session} may be null for staff, who have no blacklist day. */
    UUID bookable(UUID organizationId, UUID memberId, Channel channel, SessionView session) {
        return bookers.bookable(organizationId, memberId, channel == Channel.ONLINE,
                session == null ? null : session.siteId(), session == null ? null : session.startsAt());
    }

    /**
     * Requests the seat and answers with the booking once decided, or still pending after the short wait. Another
     * instance appending to the same session at the same moment makes the loser's append fail: it is decided again
     * from the new state, a few times (not inside a caller's transaction, which the failure has spoilt: 409 there).
     */
    BookingView book(UUID organizationId, UUID sessionId, UUID bookingId, UUID memberId, Channel channel,
                     String actor) {
        RacingCommands.sendAndWait(commands, new RequestBooking(sessionId, bookingId, memberId, channel, actor,
                clock.instant()));
        return decision(organizationId, sessionId, bookingId);
    }

    /**
     * The booking as soon as it is decided (booked, waitlisted, refused), or as it is after the answer wait (pending).
     */
    BookingView decision(UUID organizationId, UUID sessionId, UUID bookingId) {
        readYourWrites.await(SessionDirectory.GROUP, sessionId.toString());
        return RacingCommands.awaitAnswer(() -> find(organizationId, bookingId), BookingView::decided, answerWait);
    }

    /**
     * Books the member (at the desk) into every coming session of a schedule from {@code from} on, each its own
     * booking: a seat or a waitlist place, paid through the credit protocol like any booking (not waited for here).
     * An occurrence is skipped when the member already holds a seat at an overlapping time ({@code conflict}) or the
     * session refuses (its rule's code, e.g. {@code session-full}, {@code already-booked}).
     */
    SeriesBooking bookSeries(UUID organizationId, UUID scheduleId, UUID memberId, Instant from, String actor) {
        Instant now = clock.instant();
        List<SessionView> sessions = queries.query(new ListSessions(organizationId, null, null, null, scheduleId,
                from == null || from.isBefore(now) ? now : from, null, 500), SessionList.class).join().items();
        List<UUID> aliases = members.aliases(memberId);
        List<BookingView> booked = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (SessionView session : sessions) {
            if (!"scheduled".equals(session.status())) {
                continue;
            }
            if (queries.query(new MemberBusy(organizationId, aliases, session.startsAt(), session.endsAt()),
                    Boolean.class).join()) {
                skipped.add(new Skipped(session.sessionId(), session.startsAt(), "conflict"));
                continue;
            }
            UUID bookingId = UUID.randomUUID();
            try {
                RacingCommands.sendAndWait(commands, new RequestBooking(session.sessionId(), bookingId, memberId,
                        Channel.STAFF, actor, clock.instant()));
            } catch (RuleViolationException refused) {
                skipped.add(new Skipped(session.sessionId(), session.startsAt(), refused.code()));
                continue;
            }
            readYourWrites.await(SessionDirectory.GROUP, session.sessionId().toString());
            booked.add(find(organizationId, bookingId));
        }
        return new SeriesBooking(scheduleId, memberId, booked, skipped);
    }

    BookingView find(UUID organizationId, UUID bookingId) {
        return queries.query(new FindBooking(organizationId, bookingId), ResponseTypes.optionalInstanceOf(
                BookingView.class)).join().orElseThrow(() -> NotFoundException.of("booking", bookingId));
    }
}
