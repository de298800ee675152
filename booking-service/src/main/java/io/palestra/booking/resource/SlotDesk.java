package io.palestra.booking.resource;

import io.palestra.booking.resource.ResourceMessages.ReserveSlot;
import io.palestra.booking.resource.ResourceQueries.FindSlotBooking;
import io.palestra.booking.resource.ResourceQueries.SlotBookingView;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.platform.axon.RacingCommands;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Books a slot the way a class seat is booked: held on its day (a first booking of the day racing another creates the
 * day twice: the loser is decided again, see {@link RacingCommands}), then a short wait for what pays.
 */
@Component
class SlotDesk {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final Duration answerWait;

    SlotDesk(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, Clock clock,
             @Value("${palestra.bookings.answer-wait:2s}") Duration answerWait) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        this.answerWait = answerWait;
    }

    /** Holds the slot and answers with its booking once paid or refused, or still pending after the short wait. */
    SlotBookingView reserve(UUID organizationId, UUID resourceId, ZoneId zone, UUID memberId, List<UUID> players,
                            Instant startsAt, int minutes, Channel channel, String actor, boolean wait) {
        UUID bookingId = UUID.randomUUID();
        UUID dayId = ResourceMessages.dayOf(resourceId, startsAt.atZone(zone).toLocalDate());
        ReserveSlot reserve = new ReserveSlot(dayId, resourceId, organizationId, startsAt.atZone(zone).toLocalDate(),
                bookingId, memberId, players, startsAt, minutes, channel, actor, clock.instant());
        RacingCommands.sendAndWait(commands, reserve);
        readYourWrites.await(ResourceDirectory.GROUP, dayId.toString());
        return RacingCommands.awaitAnswer(() -> find(organizationId, bookingId), SlotBookingView::decided,
                wait ? answerWait : Duration.ZERO);
    }

    SlotBookingView find(UUID organizationId, UUID bookingId) {
        return queries.query(new FindSlotBooking(organizationId, bookingId), ResponseTypes.optionalInstanceOf(
                SlotBookingView.class)).join().orElseThrow(() -> NotFoundException.of("booking", bookingId));
    }
}
