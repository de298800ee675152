package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * A seat freed in a session whose waitlist is first come, first served: tell everyone waiting; the first to take it
 * ({@code POST /api/v1/bookings/{id}/seat}) has it.
 *
 * @param organizationId the organisation
 * @param siteId         where the session takes place
 * @param sessionId      the session (also the record key)
 * @param freeSeats      seats free now
 * @param offeredAt      when
 */
@JsonTypeName("palestra.bookings.WaitlistSeatOffered.v1")
public record WaitlistSeatOffered(UUID organizationId, UUID siteId, UUID sessionId, int freeSeats,
                                  Instant offeredAt) implements BookingsEvent {
}
