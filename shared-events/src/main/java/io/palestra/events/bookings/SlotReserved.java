package io.palestra.events.bookings;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A slot of a resource (a court, a room, an appointment) is held for a booking. Published with the
 * {@link SeatReserved} that asks what pays for it, under the same key: the resource's day ({@code dayId}, which the
 * credit protocol's records carry as their session id). {@link BookingConfirmed}, {@link BookingRefused} and
 * {@link BookingCancelled} follow with that id too.
 *
 * @param organizationId the organisation
 * @param siteId         where the resource is
 * @param resourceId     the resource
 * @param dayId          the resource's day (also the record key)
 * @param bookingId      the booking
 * @param memberId       who booked (and pays)
 * @param players        who plays, the booker included
 * @param startsAt       when the slot starts
 * @param endsAt         when it ends
 * @param reservedAt     when it was held
 */
@JsonTypeName("palestra.bookings.SlotReserved.v1")
public record SlotReserved(UUID organizationId, UUID siteId, UUID resourceId, UUID dayId, UUID bookingId,
                           UUID memberId, List<UUID> players, Instant startsAt, Instant endsAt, Instant reservedAt)
        implements BookingsEvent {
}
