package io.palestra.booking.resource;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.booking.resource.ResourceCatalog.Known;
import io.palestra.booking.resource.ResourceMessages.CancelSlot;
import io.palestra.booking.resource.ResourceMessages.ConfirmSlot;
import io.palestra.booking.resource.ResourceMessages.RefuseSlot;
import io.palestra.booking.resource.ResourceMessages.ReserveSlot;
import io.palestra.booking.resource.ResourceMessages.SlotCancelled;
import io.palestra.booking.resource.ResourceMessages.SlotConfirmed;
import io.palestra.booking.resource.ResourceMessages.SlotHeld;
import io.palestra.booking.resource.ResourceMessages.SlotRefused;
import io.palestra.booking.resource.ResourceTerms.OpeningHours;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One resource's slots on one day: the consistency boundary that no two bookings overlap, however many people book at
 * once (each command is decided against every slot held or booked that day). A slot is held while what pays for it
 * is decided, then confirmed, or refused and freed; a cancellation frees it.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ResourceDay {

    record Slot(Instant startsAt, Instant endsAt, UUID memberId, boolean confirmed) {

        boolean overlaps(Instant start, Instant end) {
            return startsAt.isBefore(end) && endsAt.isAfter(start);
        }
    }

    @AggregateIdentifier
    private UUID dayId;
    private UUID resourceId;
    private UUID organizationId;
    private UUID siteId;
    private Map<UUID, Slot> slots = new LinkedHashMap<>();

    protected ResourceDay() {
    }

    /**
     * Holds the slot if it lies on the resource's grid, within that day's opening hours, in one of its lengths, with
     * no more players than allowed, and overlaps no slot held or booked.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReserveSlot command, ResourceCatalog catalog) {
        if (slots.containsKey(command.bookingId())) {
            return;
        }
        Known resource = catalog.find(command.organizationId(), command.resourceId())
                .orElseThrow(() -> NotFoundException.of("resource", command.resourceId()));
        ResourceTerms terms = resource.terms();
        if (!terms.slotMinutes().contains(command.minutes())) {
            throw InvalidInputException.of("minutes", "must be one of " + terms.slotMinutes());
        }
        if (command.players().size() > terms.maxPlayers()) {
            throw InvalidInputException.of("players", "at most " + terms.maxPlayers() + " players, the booker "
                    + "included");
        }
        ZonedDateTime start = command.startsAt().atZone(resource.zone());
        if (!start.toLocalDate().equals(command.date())) {
            throw InvalidInputException.of("startsAt", "must be on " + command.date());
        }
        OpeningHours open = terms.on(start.getDayOfWeek()).orElseThrow(() -> new RuleViolationException("closed",
                terms.name() + " is closed on " + start.getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT)
                        + "s."));
        LocalTime from = start.toLocalTime();
        LocalDateTime end = start.toLocalDateTime().plusMinutes(command.minutes());
        if (from.isBefore(open.opens()) || !end.toLocalDate().equals(command.date())
                || end.toLocalTime().isAfter(open.closes())) {
            throw new RuleViolationException("outside-opening-hours", terms.name() + " is open from "
                    + open.opens() + " to " + open.closes() + " that day.");
        }
        if (Duration.between(open.opens(), from).toMinutes() % terms.startEvery() != 0
                || start.getSecond() != 0 || start.getNano() != 0) {
            throw new RuleViolationException("off-grid", "Slots start every " + terms.startEvery() + " minutes from "
                    + open.opens() + ".");
        }
        if (!command.at().isBefore(command.startsAt())) {
            throw new RuleViolationException("slot-past", "This slot has started.");
        }
        if (command.channel() == Channel.ONLINE) {
            terms.online().mayBook(command.startsAt(), command.at(), "slot");
        }
        Instant endsAt = command.startsAt().plus(Duration.ofMinutes(command.minutes()));
        if (slots.values().stream().anyMatch(slot -> slot.overlaps(command.startsAt(), endsAt))) {
            throw new RuleViolationException("slot-taken", terms.name() + " is already booked at that time.");
        }
        apply(new SlotHeld(command.dayId(), command.resourceId(), command.organizationId(), resource.siteId(),
                command.bookingId(), command.memberId(), command.players(), command.startsAt(), endsAt,
                terms.activityType(), terms.credits(), command.channel(), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(ConfirmSlot command) {
        Slot slot = slots.get(command.bookingId());
        if (slot != null && !slot.confirmed()) {
            apply(new SlotConfirmed(dayId, resourceId, organizationId, siteId, command.bookingId(), slot.memberId(),
                    command.paidBy(), command.payerId(), command.credits(), command.at()));
        }
    }

    @CommandHandler
    void handle(RefuseSlot command) {
        Slot slot = slots.get(command.bookingId());
        if (slot != null && !slot.confirmed()) {
            apply(new SlotRefused(dayId, resourceId, organizationId, siteId, command.bookingId(), slot.memberId(),
                    command.reason(), command.at()));
        }
    }

    /** Online, what paid comes back only before the resource's late-cancellation cutoff; staff choose. */
    @CommandHandler
    void handle(CancelSlot command, ResourceCatalog catalog) {
        Slot slot = slots.get(command.bookingId());
        if (slot == null) {
            throw new RuleViolationException("not-booked", "No booking " + command.bookingId() + " holds this slot.");
        }
        boolean late = command.channel() == Channel.ONLINE && catalog.find(organizationId, resourceId)
                .map(resource -> resource.terms().online().late(slot.startsAt(), command.at())).orElse(false);
        apply(new SlotCancelled(dayId, resourceId, organizationId, siteId, command.bookingId(), slot.memberId(),
                command.recredit() && !late, late, command.reason(), command.actor(), command.at()));
    }

    @EventSourcingHandler
    void on(SlotHeld event) {
        dayId = event.dayId();
        resourceId = event.resourceId();
        organizationId = event.organizationId();
        siteId = event.siteId();
        slots.put(event.bookingId(), new Slot(event.startsAt(), event.endsAt(), event.memberId(), false));
    }

    @EventSourcingHandler
    void on(SlotConfirmed event) {
        slots.computeIfPresent(event.bookingId(), (id, slot) -> new Slot(slot.startsAt(), slot.endsAt(),
                slot.memberId(), true));
    }

    @EventSourcingHandler
    void on(SlotRefused event) {
        slots.remove(event.bookingId());
    }

    @EventSourcingHandler
    void on(SlotCancelled event) {
        slots.remove(event.bookingId());
    }
}
