package io.palestra.events.bookings;

import io.palestra.events.PublishedEvent;

/**
 * Facts published by booking-service on {@code palestra.bookings.events}, keyed by the session so that a session's
 * facts stay in order: its schedule, held seats (the credit protocol with subscription-service asks what pays for
 * them), confirmed and refused bookings, its waitlist and cancellations (which may give credits back).
 */
public sealed interface BookingsEvent extends PublishedEvent permits SessionScheduled, SessionRevised, SessionCancelled, SeatReserved, BookingConfirmed, BookingRefused, MemberWaitlisted, WaitlistLeft,
        WaitlistSeatOffered, BookingCancelled, AttendanceMarked, SlotReserved {
}
