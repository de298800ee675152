package io.palestra.events.bookings;

import io.palestra.events.PublishedEvent;

/**
 * Facts published by booking-service on {@code palestra.bookings.events}. Defined ahead of booking-service for the
 * credit protocol with subscription-service: a held seat asks what pays for it, a cancellation may give it back.
 */
public sealed interface BookingsEvent extends PublishedEvent permits SeatReserved, BookingCancelled {
}
