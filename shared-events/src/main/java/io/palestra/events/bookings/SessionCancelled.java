package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A class session will not take place. Its bookings' cancellations follow on the same key, each a
 * {@link BookingCancelled} with {@code recredit} (reason {@code session-cancelled}), and its waitlist is let go
 * ({@link WaitlistLeft}): tell the members when {@code notifyMembers}.
 *
 * @param organizationId the organisation
 * @param siteId         where it was to take place
 * @param sessionId      the session (also the record key)
 * @param startsAt       when it was to start
 * @param reason         what staff said, e.g. "coach ill"
 * @param notifyMembers  whether the booked and waiting members are to be told
 * @param cancelledAt    when
 */
@JsonTypeName("palestra.bookings.SessionCancelled.v1")
public record SessionCancelled(UUID organizationId, UUID siteId, UUID sessionId, Instant startsAt,
                               @Nullable String reason, boolean notifyMembers, Instant cancelledAt)
        implements BookingsEvent {
}
