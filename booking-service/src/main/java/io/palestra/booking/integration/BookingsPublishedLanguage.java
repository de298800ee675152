package io.palestra.booking.integration;

import io.palestra.booking.resource.ResourceMessages;
import io.palestra.booking.session.SessionMessages;
import io.palestra.booking.session.SessionTerms;
import io.palestra.events.bookings.AttendanceMarked;
import io.palestra.events.bookings.BookingCancelled;
import io.palestra.events.bookings.BookingConfirmed;
import io.palestra.events.bookings.BookingRefused;
import io.palestra.events.bookings.MemberWaitlisted;
import io.palestra.events.bookings.SeatReserved;
import io.palestra.events.bookings.SessionCancelled;
import io.palestra.events.bookings.SessionRevised;
import io.palestra.events.bookings.SessionScheduled;
import io.palestra.events.bookings.SlotReserved;
import io.palestra.events.bookings.WaitlistLeft;
import io.palestra.events.bookings.WaitlistSeatOffered;
import io.palestra.platform.relay.Publication;
import io.palestra.platform.relay.PublishedLanguage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The one place where booking-service's internal events become the published contract, every fact of a session keyed
 * by the session (its seats stay in order for the credit protocol and for occupancy). Who booked or cancelled (staff
 * subjects) stays inside.
 */
@Component
class BookingsPublishedLanguage implements PublishedLanguage {

    @Override
    public List<Publication> translate(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof SessionMessages.SessionScheduled scheduled) {
            SessionTerms terms = scheduled.terms();
            return List.of(Publication.of(new SessionScheduled(scheduled.organizationId(), scheduled.siteId(),
                    scheduled.sessionId(), terms.activityType(), terms.coachId(), terms.room(), terms.startsAt(),
                    terms.endsAt(), terms.capacity(), terms.credits(), terms.waitlist().value(), scheduled.at(),
                    scheduled.scheduleId()), scheduled.sessionId()));
        }
        if (payload instanceof SessionMessages.SessionRevised revised) {
            SessionTerms terms = revised.terms();
            return List.of(Publication.of(new SessionRevised(revised.organizationId(), revised.siteId(),
                    revised.sessionId(), terms.coachId(), terms.room(), terms.startsAt(), terms.endsAt(),
                    terms.capacity(), terms.credits(), terms.waitlist().value(), revised.previousStartsAt(),
                    revised.rescheduled(), revised.keepBookings(), revised.at()), revised.sessionId()));
        }
        if (payload instanceof SessionMessages.SessionCancelled cancelled) {
            return List.of(Publication.of(new SessionCancelled(cancelled.organizationId(), cancelled.siteId(),
                    cancelled.sessionId(), cancelled.startsAt(), cancelled.reason(), cancelled.notifyMembers(),
                    cancelled.at()), cancelled.sessionId()));
        }
        if (payload instanceof SessionMessages.SeatHeld held) {
            return List.of(Publication.of(new SeatReserved(held.organizationId(), held.siteId(), held.sessionId(),
                    held.bookingId(), held.memberId(), held.activityType(), held.startsAt(), held.credits(),
                    held.at()), held.sessionId()));
        }
        if (payload instanceof SessionMessages.BookingConfirmed confirmed) {
            return List.of(Publication.of(new BookingConfirmed(confirmed.organizationId(), confirmed.siteId(),
                    confirmed.sessionId(), confirmed.bookingId(), confirmed.memberId(), confirmed.paidBy(),
                    confirmed.payerId(), confirmed.credits(), confirmed.at()), confirmed.sessionId()));
        }
        if (payload instanceof SessionMessages.BookingRefused refused) {
            return List.of(Publication.of(new BookingRefused(refused.organizationId(), refused.siteId(),
                    refused.sessionId(), refused.bookingId(), refused.memberId(), refused.reason(), refused.at()),
                    refused.sessionId()));
        }
        if (payload instanceof SessionMessages.Waitlisted waitlisted) {
            return List.of(Publication.of(new MemberWaitlisted(waitlisted.organizationId(), waitlisted.siteId(),
                    waitlisted.sessionId(), waitlisted.bookingId(), waitlisted.memberId(), waitlisted.position(),
                    waitlisted.at()), waitlisted.sessionId()));
        }
        if (payload instanceof SessionMessages.LeftWaitlist left) {
            return List.of(Publication.of(new WaitlistLeft(left.organizationId(), left.siteId(), left.sessionId(),
                    left.bookingId(), left.memberId(), left.at()), left.sessionId()));
        }
        if (payload instanceof SessionMessages.SeatOffered offered) {
            return List.of(Publication.of(new WaitlistSeatOffered(offered.organizationId(), offered.siteId(),
                    offered.sessionId(), offered.freeSeats(), offered.at()), offered.sessionId()));
        }
        if (payload instanceof SessionMessages.AttendanceMarked marked) {
            return List.of(Publication.of(new AttendanceMarked(marked.organizationId(), marked.siteId(),
                    marked.sessionId(), marked.bookingId(), marked.memberId(), marked.attendance() == null ? null
                    : marked.attendance().value(), marked.checkIn(), marked.at()), marked.sessionId()));
        }
        if (payload instanceof SessionMessages.BookingCancelled cancelled) {
            return List.of(Publication.of(new BookingCancelled(cancelled.organizationId(), cancelled.siteId(),
                    cancelled.sessionId(), cancelled.bookingId(), cancelled.memberId(), cancelled.recredit(),
                    cancelled.reason(), cancelled.at(), cancelled.notifyMember()), cancelled.sessionId()));
        }
        return slotFacts(payload);
    }

    /** A resource's slots, keyed by the resource's day, in the same records as class seats plus SlotReserved. */
    private static List<Publication> slotFacts(Object payload) {
        if (payload instanceof ResourceMessages.SlotHeld held) {
            return List.of(Publication.of(new SlotReserved(held.organizationId(), held.siteId(), held.resourceId(),
                            held.dayId(), held.bookingId(), held.memberId(), held.players(), held.startsAt(),
                            held.endsAt(), held.at()), held.dayId()),
                    Publication.of(new SeatReserved(held.organizationId(), held.siteId(), held.dayId(),
                            held.bookingId(), held.memberId(), held.activityType(), held.startsAt(), held.credits(),
                            held.at()), held.dayId()));
        }
        if (payload instanceof ResourceMessages.SlotConfirmed confirmed) {
            return List.of(Publication.of(new BookingConfirmed(confirmed.organizationId(), confirmed.siteId(),
                    confirmed.dayId(), confirmed.bookingId(), confirmed.memberId(), confirmed.paidBy(),
                    confirmed.payerId(), confirmed.credits(), confirmed.at()), confirmed.dayId()));
        }
        if (payload instanceof ResourceMessages.SlotRefused refused) {
            return List.of(Publication.of(new BookingRefused(refused.organizationId(), refused.siteId(),
                    refused.dayId(), refused.bookingId(), refused.memberId(), refused.reason(), refused.at()),
                    refused.dayId()));
        }
        if (payload instanceof ResourceMessages.SlotCancelled cancelled) {
            return List.of(Publication.of(new BookingCancelled(cancelled.organizationId(), cancelled.siteId(),
                    cancelled.dayId(), cancelled.bookingId(), cancelled.memberId(), cancelled.recredit(),
                    cancelled.reason(), cancelled.at(), true), cancelled.dayId()));
        }
        return List.of();
    }
}
