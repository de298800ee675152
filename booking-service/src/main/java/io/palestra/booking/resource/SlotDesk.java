package io.palestra.booking.resource;

import io.palestra.booking.resource.ResourceMessages.ReserveSlot;
import io.palestra.booking.resource.ResourceQueries.FindSlotBooking;
import io.palestra.booking.resource.ResourceQueries.FreeSlot;
import io.palestra.booking.resource.ResourceQueries.SkippedSlot;
import io.palestra.booking.resource.ResourceQueries.SlotSeries;
import io.palestra.booking.resource.ResourceQueries.SlotBookingView;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.platform.axon.RacingCommands;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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

    /** The starts still free on {@code date} for each slot length: on the grid, after {@code now}, overlapping none. */
    static List<FreeSlot> free(ResourceTerms terms, LocalDate date, ZoneId zone, List<SlotBookingView> taken,
                               Instant now) {
        List<FreeSlot> free = new ArrayList<>();
        for (int minutes : terms.slotMinutes()) {
            for (Instant from : terms.starts(date, zone, minutes)) {
                Instant to = from.plusSeconds(60L * minutes);
                if (from.isAfter(now) && taken.stream().noneMatch(slot -> slot.startsAt().isBefore(to)
                        && slot.endsAt().isAfter(from))) {
                    free.add(new FreeSlot(from, minutes));
                }
            }
        }
        return free;
    }

    /**
     * The same slot on {@code weeks} weeks in a row (the site's wall-clock time), each its own booking held without
     * waiting for what pays; a week the resource refuses (taken, closed…) is skipped with its code.
     */
    SlotSeries reserveWeekly(UUID organizationId, UUID resourceId, ZoneId zone, UUID memberId, List<UUID> players,
                             Instant firstStart, int minutes, int weeks, String actor) {
        List<SlotBookingView> booked = new ArrayList<>();
        List<SkippedSlot> skipped = new ArrayList<>();
        ZonedDateTime first = firstStart.atZone(zone);
        for (int week = 0; week < weeks; week++) {
            Instant startsAt = first.plusWeeks(week).toInstant();
            try {
                booked.add(reserve(organizationId, resourceId, zone, memberId, players, startsAt, minutes,
                        Channel.STAFF, actor, false));
            } catch (RuleViolationException refused) {
                skipped.add(new SkippedSlot(startsAt, refused.code()));
            }
        }
        return new SlotSeries(booked, skipped);
    }

    SlotBookingView find(UUID organizationId, UUID bookingId) {
        return queries.query(new FindSlotBooking(organizationId, bookingId), ResponseTypes.optionalInstanceOf(
                SlotBookingView.class)).join().orElseThrow(() -> NotFoundException.of("booking", bookingId));
    }
}
