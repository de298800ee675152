package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A session's terms changed: coach, room, seats, credits, waitlist, or its time (a reschedule: tell the booked
 * members). Unless {@code bookingsKept}, a reschedule's bookings follow as {@link BookingCancelled} with
 * {@code recredit} (reason {@code session-rescheduled}); kept, an online cancellation gets its credit back whenever it
 * comes.
 *
 * @param organizationId   the organisation
 * @param siteId           where it takes place
 * @param sessionId        the session (also the record key)
 * @param coachId          who teaches it
 * @param room             where in the site
 * @param startsAt         when it starts now
 * @param endsAt           when it ends now
 * @param capacity         seats now
 * @param credits          what it costs from a pass now
 * @param waitlist         {@code off}, {@code ordered} or {@code waiting}
 * @param previousStartsAt when it started before
 * @param rescheduled      whether the time changed
 * @param bookingsKept     whether a reschedule kept its bookings
 * @param revisedAt        when
 */
@JsonTypeName("palestra.bookings.SessionRevised.v1")
public record SessionRevised(UUID organizationId, UUID siteId, UUID sessionId, @Nullable UUID coachId,
                             @Nullable String room, Instant startsAt, Instant endsAt, int capacity, int credits,
                             String waitlist, Instant previousStartsAt, boolean rescheduled, boolean bookingsKept,
                             Instant revisedAt) implements BookingsEvent {
}
