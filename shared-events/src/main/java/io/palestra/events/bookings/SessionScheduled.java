package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A class session was put on the timetable. With the booking facts that follow it on the same key, it is all an
 * occupancy report needs: seats offered here, seats taken by {@link BookingConfirmed} and given back by
 * {@link BookingCancelled}.
 *
 * @param organizationId the organisation
 * @param siteId         where it takes place
 * @param sessionId      the session (also the record key)
 * @param activityType   what it is, e.g. {@code yoga}
 * @param coachId        who teaches it
 * @param room           where in the site
 * @param startsAt       when it starts
 * @param endsAt         when it ends
 * @param capacity       seats
 * @param credits        credits it costs from a pass
 * @param waitlist       {@code off}, {@code ordered} or {@code waiting} (first come, first served)
 * @param scheduledAt    when it was scheduled
 * @param scheduleId     the schedule it is an occurrence of; null for a one-off session
 */
@JsonTypeName("palestra.bookings.SessionScheduled.v1")
public record SessionScheduled(UUID organizationId, UUID siteId, UUID sessionId, String activityType,
                               @Nullable UUID coachId, @Nullable String room, Instant startsAt, Instant endsAt,
                               int capacity, int credits, String waitlist, Instant scheduledAt,
                               @Nullable UUID scheduleId)
        implements BookingsEvent {
}
