package io.palestra.booking.session;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What staff, integrations and members read of sessions and bookings, and the answers. */
public final class SessionQueries {

    private SessionQueries() {
    }

    public record FindSession(UUID organizationId, UUID sessionId) {
    }

    /** Sessions starting in [from, to), by start; any filter may be null. */
    public record ListSessions(UUID organizationId, UUID siteId, String activityType, UUID coachId, UUID scheduleId,
                               Instant from, Instant to, int limit) {
    }

    public record SessionRoster(UUID organizationId, UUID sessionId) {
    }

    public record FindBooking(UUID organizationId, UUID bookingId) {
    }

    /** The bookings of a member (and of the records merged into it), by session start; filters may be null. */
    public record MemberBookings(UUID organizationId, List<UUID> memberIds, Instant from, Instant to, String status,
                                 int limit) {
    }

    /** Occupancy of the sessions starting in [from, to) (days in each site's zone), by site, activity, coach, day. */
    public record Occupancy(UUID organizationId, LocalDate from, LocalDate to, UUID siteId,
                            String activityType, UUID coachId) {
    }

    /**
     * One site, activity, coach and day: its sessions (cancelled ones left out), their seats, the seats booked, the
     * members marked present and absent, and the fill rate (booked / seats).
     */
    public record OccupancyRow(UUID siteId, String activityType, UUID coachId, LocalDate day, int sessions,
                               int seats, int booked, int attended, int noShows, double fillRate) {
    }

    public record OccupancyReport(List<OccupancyRow> rows) {
    }

    /** Whether any of the member's records holds a seat (pending or booked) in a session overlapping the interval. */
    public record MemberBusy(UUID organizationId, List<UUID> memberIds, Instant startsAt, Instant endsAt) {
    }

    /** An occurrence a series booking left out, and why (e.g. {@code conflict}, {@code session-full}). */
    public record Skipped(UUID sessionId, Instant startsAt, String reason) {
    }

    /** A member booked into every coming occurrence of a schedule: one booking each, or why not. */
    public record SeriesBooking(UUID scheduleId, UUID memberId, List<BookingView> bookings, List<Skipped> skipped) {
    }

    /**
     * @param scheduleId the schedule it is an occurrence of; null for a one-off
     * @param booked     seats held while payment is decided plus seats confirmed
     * @param freeSeats  capacity minus booked
     * @param waiting    bookings on the waitlist
     */
    public record SessionView(UUID sessionId, UUID siteId, UUID scheduleId, String activityType, UUID coachId, String room,
                              Instant startsAt, Instant endsAt, int capacity, int credits, String waitlist,
                              Integer opensDaysBefore, Integer closesMinutesBefore, Integer lateCancelMinutes,
                              String status, int booked, int freeSeats, int waiting, long version) {
    }

    public record SessionList(List<SessionView> items) {
    }

    /**
     * A booking as the roster and the member's history show it.
     *
     * @param status   {@code pending} (seat held, payment being decided), {@code booked}, {@code attended} (booked
     *                 and marked present), {@code no-show} (booked and marked absent), {@code waitlisted},
     *                 {@code refused}, {@code cancelled}, {@code left-waitlist}
     * @param position place in an ordered waitlist (1 is next), while waiting
     * @param reason   why it was refused or cancelled
     * @param paidBy   {@code membership} or {@code pass}, once booked
     * @param recredit whether a cancellation gave back what paid
     * @param late     an online cancellation after the late-cancellation cutoff
     * @param attendance  {@code present} or {@code absent}, once marked
     * @param walkIn      whether the member checked in without having booked
     * @param checkedInAt when the member checked in at the desk
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingView(UUID bookingId, UUID sessionId, UUID siteId, UUID memberId, String memberCode,
                              String firstName, String lastName, String activityType, Instant startsAt,
                              String channel, String status, Integer position, String reason, String paidBy,
                              UUID payerId, Integer credits, Boolean recredit, Boolean late, String bookedBy,
                              Instant bookedAt, Instant decidedAt, String cancelledBy, Instant cancelledAt,
                              String attendance, boolean walkIn, Instant checkedInAt) implements HeldBooking {
    }

    public record BookingList(List<BookingView> items) {
    }

    /** A session with who is booked (pending and booked) and who waits, in line order. */
    public record Roster(SessionView session, List<BookingView> booked, List<BookingView> waitlist) {
    }
}
