package io.palestra.booking.session;

import io.palestra.booking.session.SessionMessages.AttendanceMarked;
import io.palestra.booking.session.SessionMessages.BookingCancelled;
import io.palestra.booking.session.SessionMessages.BookingConfirmed;
import io.palestra.booking.session.SessionMessages.BookingRefused;
import io.palestra.booking.session.SessionMessages.LeftWaitlist;
import io.palestra.booking.session.SessionMessages.SeatHeld;
import io.palestra.booking.session.SessionMessages.SessionCancelled;
import io.palestra.booking.session.SessionMessages.SessionRevised;
import io.palestra.booking.session.SessionMessages.SessionScheduled;
import io.palestra.booking.session.SessionMessages.WalkedIn;
import io.palestra.booking.session.SessionMessages.Waitlisted;
import io.palestra.booking.session.SessionQueries.BookingList;
import io.palestra.booking.session.SessionQueries.BookingView;
import io.palestra.booking.session.SessionQueries.FindBooking;
import io.palestra.booking.session.SessionQueries.FindSession;
import io.palestra.booking.session.SessionQueries.ListSessions;
import io.palestra.booking.session.SessionQueries.MemberBookings;
import io.palestra.booking.session.SessionQueries.MemberBusy;
import io.palestra.booking.session.SessionQueries.Occupancy;
import io.palestra.booking.session.SessionQueries.OccupancyReport;
import io.palestra.booking.session.SessionQueries.OccupancyRow;
import io.palestra.booking.session.SessionQueries.Roster;
import io.palestra.booking.session.SessionQueries.SessionList;
import io.palestra.booking.session.SessionQueries.SessionRoster;
import io.palestra.booking.session.SessionQueries.SessionView;
import io.palestra.platform.axon.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions and their bookings as staff, integrations and members read them: the timetable, the roster with its
 * waitlist in line order, each booking and a member's history. Rebuildable: a reset empties it for a replay; a
 * booking row keeps the sequence of the session's last event applied to it, so a redelivered event changes nothing.
 * Seat counts and waitlist positions are read from the bookings at query time, so they are always consistent.
 * Names come from the member copy at query time: an erased member's bookings show no name, a merged one's show the
 * survivor's.
 */
@Component
@ProcessingGroup(SessionDirectory.GROUP)
class SessionDirectory {

    static final String GROUP = "session-directory";

    private static final String SESSION_COLUMNS = """
            s.session_id, s.site_id, s.schedule_id, s.activity_type, s.coach_id, s.room, s.starts_at, s.ends_at, s.capacity,
            s.credits, s.waitlist, s.opens_days_before, s.closes_minutes_before, s.late_cancel_minutes, s.status,
            s.version,
            (SELECT count(*) FROM booking_view b WHERE b.session_id = s.session_id
                AND b.status IN ('pending', 'booked')) AS booked,
            (SELECT count(*) FROM booking_view b WHERE b.session_id = s.session_id
                AND b.status = 'waitlisted') AS waiting""";

    /** A booked member marked present has attended; marked absent, is a no-show. */
    private static final String SHOWN_STATUS = "CASE WHEN b.status = 'booked' AND b.attendance = 'present' "
            + "THEN 'attended' WHEN b.status = 'booked' AND b.attendance = 'absent' THEN 'no-show' ELSE b.status END";

    private static final String BOOKING_SELECT = """
            SELECT b.*, %s AS shown_status, coalesce(survivor.member_code, m.member_code) AS member_code,
                   coalesce(survivor.first_name, m.first_name) AS first_name,
                   coalesce(survivor.last_name, m.last_name) AS last_name,
                   CASE WHEN b.status = 'waitlisted' AND s.waitlist = 'ordered' THEN
                       (SELECT count(*) FROM booking_view w WHERE w.session_id = b.session_id
                           AND w.status = 'waitlisted' AND w.waitlist_order <= b.waitlist_order) END AS position
            FROM booking_view b
            JOIN session_view s ON s.session_id = b.session_id
            LEFT JOIN member_copy m ON m.member_id = b.member_id
            LEFT JOIN member_copy survivor ON survivor.member_id = m.merged_into
            """.formatted(SessionDirectory.SHOWN_STATUS);

    private final JdbcClient jdbc;
    private final VersionedRows sessions;
    private final VersionedRows bookings;

    SessionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.sessions = new VersionedRows(jdbc, "session_view", "session_id");
        this.bookings = new VersionedRows(jdbc, "booking_view", "booking_id");
    }

    @EventHandler
    void on(SessionScheduled event, @SequenceNumber long version) {
        SessionTerms terms = event.terms();
        jdbc.sql("""
                        INSERT INTO session_view (session_id, organization_id, site_id, schedule_id, activity_type,
                            coach_id, room, starts_at, ends_at, capacity, credits, waitlist, opens_days_before,
                            closes_minutes_before, late_cancel_minutes, status, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?)
                        ON CONFLICT (session_id) DO NOTHING""")
                .params(event.sessionId(), event.organizationId(), event.siteId(), event.scheduleId(),
                        terms.activityType(), terms.coachId(), terms.room(), utc(terms.startsAt()),
                        utc(terms.endsAt()), terms.capacity(), terms.credits(), terms.waitlist().value(),
                        terms.opensDaysBefore(), terms.closesMinutesBefore(), terms.lateCancelMinutes(), version)
                .update();
    }

    @EventHandler
    void on(SessionRevised event, @SequenceNumber long version) {
        SessionTerms terms = event.terms();
        if (sessions.change(event.sessionId(), version, "coach_id = ?, room = ?, starts_at = ?, ends_at = ?, "
                        + "capacity = ?, credits = ?, waitlist = ?, opens_days_before = ?, closes_minutes_before = ?, "
                        + "late_cancel_minutes = ?", terms.coachId(), terms.room(), utc(terms.startsAt()),
                utc(terms.endsAt()), terms.capacity(), terms.credits(), terms.waitlist().value(),
                terms.opensDaysBefore(), terms.closesMinutesBefore(), terms.lateCancelMinutes())) {
            jdbc.sql("UPDATE booking_view SET starts_at = ? WHERE session_id = ?")
                    .params(utc(terms.startsAt()), event.sessionId()).update();
        }
    }

    @EventHandler
    void on(SessionCancelled event, @SequenceNumber long version) {
        sessions.change(event.sessionId(), version, "status = 'cancelled'");
    }

    @EventHandler
    void on(SeatHeld event, @SequenceNumber long version) {
        if (!bookings.change(event.bookingId(), version, "status = 'pending', waitlist_order = NULL")) {
            jdbc.sql("""
                            INSERT INTO booking_view (booking_id, session_id, organization_id, site_id, member_id,
                                activity_type, starts_at, channel, status, booked_by, booked_at, version)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (booking_id) DO NOTHING""")
                    .params(event.bookingId(), event.sessionId(), event.organizationId(), event.siteId(),
                            event.memberId(), event.activityType(), utc(event.startsAt()),
                            event.channel() == null ? null : event.channel().value(), event.actor(),
                            utc(event.at()), version)
                    .update();
        }
    }

    @EventHandler
    void on(Waitlisted event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO booking_view (booking_id, session_id, organization_id, site_id, member_id,
                            activity_type, starts_at, channel, status, waitlist_order, booked_by, booked_at, version)
                        SELECT ?, session_id, organization_id, site_id, ?, activity_type, starts_at, ?, 'waitlisted',
                               ?, ?, ?, ? FROM session_view WHERE session_id = ?
                        ON CONFLICT (booking_id) DO NOTHING""")
                .params(event.bookingId(), event.memberId(), event.channel().value(), version, event.actor(),
                        utc(event.at()), version, event.sessionId())
                .update();
    }

    @EventHandler
    void on(BookingConfirmed event, @SequenceNumber long version) {
        bookings.change(event.bookingId(), version, "status = 'booked', paid_by = ?, payer_id = ?, credits = ?, "
                + "decided_at = ?", event.paidBy(), event.payerId(), event.credits(), utc(event.at()));
    }

    @EventHandler
    void on(BookingRefused event, @SequenceNumber long version) {
        bookings.change(event.bookingId(), version, "status = 'refused', reason = ?, decided_at = ?", event.reason(),
                utc(event.at()));
    }

    @EventHandler
    void on(BookingCancelled event, @SequenceNumber long version) {
        bookings.change(event.bookingId(), version, "status = 'cancelled', recredit = ?, late = ?, reason = ?, "
                        + "cancelled_by = ?, cancelled_at = ?", event.recredit(), event.late(), event.reason(),
                event.actor(), utc(event.at()));
    }

    @EventHandler
    void on(LeftWaitlist event, @SequenceNumber long version) {
        bookings.change(event.bookingId(), version, "status = 'left-waitlist', cancelled_by = ?, cancelled_at = ?",
                event.actor(), utc(event.at()));
    }

    @EventHandler
    void on(WalkedIn event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO booking_view (booking_id, session_id, organization_id, site_id, member_id,
                            activity_type, starts_at, channel, status, walk_in, booked_by, booked_at, version)
                        SELECT ?, session_id, organization_id, site_id, ?, activity_type, starts_at, 'staff', 'pending',
                               true, ?, ?, ? FROM session_view WHERE session_id = ?
                        ON CONFLICT (booking_id) DO NOTHING""")
                .params(event.bookingId(), event.memberId(), event.actor(), utc(event.at()), version,
                        event.sessionId())
                .update();
    }

    @EventHandler
    void on(AttendanceMarked event, @SequenceNumber long version) {
        bookings.change(event.bookingId(), version, "attendance = ?, checked_in_at = CASE WHEN ? THEN ? "
                        + "ELSE checked_in_at END", event.attendance() == null ? null : event.attendance().value(),
                event.checkIn(), utc(event.at()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE booking_view, session_view").update();
    }

    @QueryHandler
    Optional<SessionView> handle(FindSession query) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM session_view s WHERE s.session_id = ? "
                        + "AND s.organization_id = ?")
                .params(query.sessionId(), query.organizationId()).query(SessionDirectory::session).optional();
    }

    @QueryHandler
    SessionList handle(ListSessions query) {
        StringBuilder sql = new StringBuilder("SELECT " + SESSION_COLUMNS
                + " FROM session_view s WHERE s.organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        where(sql, params, "s.site_id = ?", query.siteId());
        where(sql, params, "s.activity_type = ?", query.activityType());
        where(sql, params, "s.coach_id = ?", query.coachId());
        where(sql, params, "s.schedule_id = ?", query.scheduleId());
        where(sql, params, "s.starts_at >= ?", utc(query.from()));
        where(sql, params, "s.starts_at < ?", utc(query.to()));
        sql.append(" ORDER BY s.starts_at, s.session_id LIMIT ?");
        params.add(query.limit());
        return new SessionList(jdbc.sql(sql.toString()).params(params).query(SessionDirectory::session).list());
    }

    @QueryHandler
    Optional<Roster> handle(SessionRoster query) {
        return handle(new FindSession(query.organizationId(), query.sessionId())).map(session -> {
            List<BookingView> all = jdbc.sql(BOOKING_SELECT + """
                            WHERE b.session_id = ? AND b.status IN ('pending', 'booked', 'waitlisted')
                            ORDER BY b.waitlist_order NULLS FIRST, b.booked_at, b.booking_id""")
                    .param(query.sessionId()).query(SessionDirectory::booking).list();
            return new Roster(session, all.stream().filter(b -> !"waitlisted".equals(b.status())).toList(),
                    all.stream().filter(b -> "waitlisted".equals(b.status())).toList());
        });
    }

    @QueryHandler
    Optional<BookingView> handle(FindBooking query) {
        return jdbc.sql(BOOKING_SELECT + "WHERE b.booking_id = ? AND b.organization_id = ?")
                .params(query.bookingId(), query.organizationId()).query(SessionDirectory::booking).optional();
    }

    @QueryHandler
    BookingList handle(MemberBookings query) {
        StringBuilder sql = new StringBuilder(BOOKING_SELECT + "WHERE b.organization_id = ? AND b.member_id IN ("
                + String.join(", ", query.memberIds().stream().map(id -> "?").toList()) + ")");
        List<Object> params = new ArrayList<>();
        params.add(query.organizationId());
        params.addAll(query.memberIds());
        where(sql, params, "b.starts_at >= ?", utc(query.from()));
        where(sql, params, "b.starts_at < ?", utc(query.to()));
        where(sql, params, SHOWN_STATUS + " = ?", query.status());
        sql.append(" ORDER BY b.starts_at DESC, b.booking_id LIMIT ?");
        params.add(query.limit());
        return new BookingList(jdbc.sql(sql.toString()).params(params).query(SessionDirectory::booking).list());
    }

    @QueryHandler
    Boolean handle(MemberBusy query) {
        return jdbc.sql("""
                        SELECT count(*) FROM booking_view b JOIN session_view s ON s.session_id = b.session_id
                        WHERE b.organization_id = ? AND b.member_id = ANY(?) AND b.status IN ('pending', 'booked')
                          AND s.starts_at < ? AND s.ends_at > ?""")
                .params(query.organizationId(), query.memberIds().toArray(UUID[]::new), utc(query.endsAt()),
                        utc(query.startsAt()))
                .query(Long.class).single() > 0;
    }

    @QueryHandler
    OccupancyReport handle(Occupancy query) {
        return new OccupancyReport(jdbc.sql("""
                        WITH sessions AS (
                            SELECT s.*, (s.starts_at AT TIME ZONE coalesce(site.time_zone, 'UTC'))::date AS day
                            FROM session_view s LEFT JOIN site_copy site ON site.site_id = s.site_id
                            WHERE s.organization_id = ? AND s.status = 'scheduled'
                              AND (CAST(? AS UUID) IS NULL OR s.site_id = ?)
                              AND (CAST(? AS TEXT) IS NULL OR s.activity_type = ?)
                              AND (CAST(? AS UUID) IS NULL OR s.coach_id = ?))
                        SELECT s.site_id, s.activity_type, s.coach_id, s.day, count(*) AS sessions,
                               sum(s.capacity) AS seats,
                               coalesce(sum(b.booked), 0) AS booked, coalesce(sum(b.attended), 0) AS attended,
                               coalesce(sum(b.no_shows), 0) AS no_shows
                        FROM sessions s LEFT JOIN (
                            SELECT session_id, count(*) FILTER (WHERE status = 'booked') AS booked,
                                   count(*) FILTER (WHERE status = 'booked' AND attendance = 'present') AS attended,
                                   count(*) FILTER (WHERE status = 'booked' AND attendance = 'absent') AS no_shows
                            FROM booking_view GROUP BY session_id) b ON b.session_id = s.session_id
                        WHERE s.day >= ? AND s.day < ?
                        GROUP BY s.site_id, s.activity_type, s.coach_id, s.day
                        ORDER BY s.day, s.site_id, s.activity_type, s.coach_id NULLS FIRST""")
                .params(query.organizationId(), query.siteId(), query.siteId(), query.activityType(),
                        query.activityType(), query.coachId(), query.coachId(), query.from(), query.to())
                .query((rs, row) -> {
                    int seats = rs.getInt("seats");
                    int booked = rs.getInt("booked");
                    return new OccupancyRow(rs.getObject("site_id", UUID.class), rs.getString("activity_type"),
                            rs.getObject("coach_id", UUID.class), rs.getObject("day", LocalDate.class),
                            rs.getInt("sessions"), seats, booked, rs.getInt("attended"), rs.getInt("no_shows"),
                            seats == 0 ? 0 : Math.round(1000.0 * booked / seats) / 1000.0);
                })
                .list());
    }

    private static void where(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static SessionView session(ResultSet rs, int row) throws SQLException {
        int capacity = rs.getInt("capacity");
        int booked = rs.getInt("booked");
        return new SessionView(rs.getObject("session_id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getObject("schedule_id", UUID.class),
                rs.getString("activity_type"), rs.getObject("coach_id", UUID.class), rs.getString("room"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), capacity, rs.getInt("credits"),
                rs.getString("waitlist"), (Integer) rs.getObject("opens_days_before"),
                (Integer) rs.getObject("closes_minutes_before"), (Integer) rs.getObject("late_cancel_minutes"),
                rs.getString("status"), booked, Math.max(0, capacity - booked), rs.getInt("waiting"),
                rs.getLong("version"));
    }

    private static BookingView booking(ResultSet rs, int row) throws SQLException {
        Object position = rs.getObject("position");
        return new BookingView(rs.getObject("booking_id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("site_id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getString("member_code"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("activity_type"), instant(rs, "starts_at"), rs.getString("channel"),
                rs.getString("shown_status"), position == null ? null : ((Number) position).intValue(),
                rs.getString("reason"), rs.getString("paid_by"), rs.getObject("payer_id", UUID.class),
                (Integer) rs.getObject("credits"), (Boolean) rs.getObject("recredit"),
                (Boolean) rs.getObject("late"), rs.getString("booked_by"), instant(rs, "booked_at"),
                instant(rs, "decided_at"), rs.getString("cancelled_by"), instant(rs, "cancelled_at"),
                rs.getString("attendance"), rs.getBoolean("walk_in"), instant(rs, "checked_in_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
