package io.palestra.booking.resource;

import io.palestra.booking.member.Bookers;
import io.palestra.booking.member.Members;
import io.palestra.booking.resource.ResourceMessages.CancelSlot;
import io.palestra.booking.resource.ResourceMessages.DefineResource;
import io.palestra.booking.resource.ResourceMessages.ReviseResource;
import io.palestra.booking.resource.ResourceQueries.Availability;
import io.palestra.booking.resource.ResourceQueries.DaySlots;
import io.palestra.booking.resource.ResourceQueries.FindResource;
import io.palestra.booking.resource.ResourceQueries.SlotSeries;
import io.palestra.booking.resource.ResourceQueries.ListResources;
import io.palestra.booking.resource.ResourceQueries.MemberSlots;
import io.palestra.booking.resource.ResourceQueries.SlotBookingList;
import io.palestra.booking.resource.ResourceQueries.ResourceList;
import io.palestra.booking.resource.ResourceQueries.ResourceView;
import io.palestra.booking.resource.ResourceQueries.SlotBookingView;
import io.palestra.booking.resource.ResourceTerms.OpeningHours;
import io.palestra.booking.session.HeldBooking;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.DomainException;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.palestra.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Courts, rooms and appointments (seeds 002, 004): define them, see a day's free slots, book, cancel. */
@RestController
@RequestMapping("/api/v1/resources")
@Tag(name = "Resources")
class ResourceController {

    private static final String MANAGERS = "hasAnyRole('OWNER', 'MANAGER')";
    private static final String BOOKERS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH', 'INTEGRATION')";
    private static final String READERS =
            "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH', 'INTEGRATION', 'ANALYST')";
    private static final int MAX_WEEKS = 52;
    private static final int MAX_LIMIT = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final SlotDesk desk;
    private final Bookers bookers;
    private final Members members;
    private final Organizations organizations;
    private final Clock clock;

    ResourceController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, SlotDesk desk,
                       Bookers bookers, Members members, Organizations organizations, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.desk = desk;
        this.bookers = bookers;
        this.members = members;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * @param slotMinutes the slot lengths offered, e.g. [60, 90]
     * @param startEvery  slots start on this grid from opening, in minutes (30 by default)
     * @param maxPlayers  people on one booking, the booker included (1 by default)
     */
    record ResourceRequest(@NotNull UUID siteId, @NotNull @Size(max = 200) String name, @NotNull String kind,
                           @NotNull @Size(max = 100) String activityType, @NotNull List<OpeningHours> hours,
                           @NotNull List<Integer> slotMinutes, Integer startEvery, Integer credits,
                           Integer maxPlayers, Integer opensDaysBefore, Integer closesMinutesBefore,
                           Integer lateCancelMinutes) {

        ResourceTerms terms() {
            return new ResourceTerms(name, kind, activityType, hours, slotMinutes,
                    startEvery == null ? 30 : startEvery, credits == null ? 1 : credits,
                    maxPlayers == null ? 1 : maxPlayers, opensDaysBefore, closesMinutesBefore, lateCancelMinutes);
        }
    }

    /** @param players the other people playing (members of the organisation), the booker added */
    record SlotRequest(@NotNull UUID memberId, @NotNull Instant startsAt, @NotNull Integer minutes,
                       List<UUID> players, String channel) {
    }

    /** @param weeks how many weeks in a row, this one included (2 to 52) */
    record SeriesRequest(@NotNull UUID memberId, @NotNull Instant startsAt, @NotNull Integer minutes,
                         List<UUID> players, @NotNull Integer weeks) {
    }

    record CancelRequest(Boolean recredit, @Size(max = 500) String reason) {
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Define a bookable resource: a court, a room or a coach's appointments")
    ResponseEntity<ResourceView> define(@Valid @RequestBody ResourceRequest request, Caller caller) {
        organizations.managedSite(caller, request.siteId());
        UUID resourceId = UUID.randomUUID();
        commands.sendAndWait(new DefineResource(resourceId, caller.organization(), request.siteId(),
                request.terms(), caller.subject(), clock.instant()));
        readYourWrites.await(ResourceDirectory.GROUP, resourceId.toString());
        return ResponseEntity.created(URI.create("/api/v1/resources/" + resourceId)).body(visible(caller,
                resourceId));
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change a resource's terms (for slots booked from now on); its site stays")
    ResourceView revise(@PathVariable UUID id, @Valid @RequestBody ResourceRequest request, Caller caller) {
        ResourceView resource = visible(caller, id);
        if (!resource.siteId().equals(request.siteId())) {
            throw InvalidInputException.of("siteId", "cannot change: define the resource at the other site");
        }
        commands.sendAndWait(new ReviseResource(id, request.terms(), caller.subject(), clock.instant()));
        readYourWrites.await(ResourceDirectory.GROUP, id.toString());
        return visible(caller, id);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The resources, by name; kind: court, room, appointment")
    ResourceList list(@RequestParam(required = false) UUID siteId, @RequestParam(required = false) String kind,
                      Caller caller) {
        ResourceList resources = queries.query(new ListResources(caller.organization(), siteId, kind),
                ResourceList.class).join();
        return new ResourceList(resources.items().stream().filter(item -> caller.sees(item.siteId())).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A resource and its terms")
    ResourceView get(@PathVariable UUID id, Caller caller) {
        return visible(caller, id);
    }

    @GetMapping("/{id}/availability")
    @PreAuthorize(READERS)
    @Operation(summary = "A day of a resource: the slots taken and, for each length, the starts still free")
    Availability availability(@PathVariable UUID id, @RequestParam LocalDate date, Caller caller) {
        ResourceView resource = visible(caller, id);
        ZoneId zone = organizations.zone(caller.organization(), resource.siteId());
        List<SlotBookingView> taken = day(caller, id, date);
        OpeningHours open = resource.terms().on(date.getDayOfWeek()).orElse(null);
        return new Availability(id, date, open == null ? null : open.opens().toString(),
                open == null ? null : open.closes().toString(), taken, SlotDesk.free(resource.terms(), date, zone,
                taken, clock.instant()));
    }

    @GetMapping("/{id}/bookings")
    @PreAuthorize(READERS)
    @Operation(summary = "A day's planning of a resource: the slots held or booked, by start")
    List<SlotBookingView> planning(@PathVariable UUID id, @RequestParam LocalDate date, Caller caller) {
        visible(caller, id);
        return day(caller, id, date);
    }

    @PostMapping("/{id}/bookings")
    @PreAuthorize(BOOKERS)
    @Operation(summary = "Book a slot: the whole resource for its time, never overlapping another booking",
            description = "The slot is held while subscription-service decides what pays (the booker's membership "
                    + "or pass covering the resource's activity, for its credits), like a class seat: 201 booked, "
                    + "422 booking-refused, or 202 pending with its Location. 422 slot-taken when it overlaps a "
                    + "booking, closed, outside-opening-hours, off-grid, slot-past. The players are listed on the "
                    + "booking; the booker pays.")
    ResponseEntity<SlotBookingView> book(@PathVariable UUID id, @Valid @RequestBody SlotRequest request,
                                         Caller caller) {
        ResourceView resource = visible(caller, id);
        boolean online = !caller.has(Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.COACH)
                && !"integration".equals(request.channel());
        UUID booker = bookers.bookable(caller.organization(), request.memberId(), online, resource.siteId(),
                request.startsAt());
        SlotBookingView booking = desk.reserve(caller.organization(), id, zone(caller, resource), booker,
                players(caller, booker, request.players(), resource), request.startsAt(), request.minutes(),
                channel(caller, online), caller.subject(), true);
        return HeldBooking.answer(booking, "/api/v1/resources/bookings/" + booking.bookingId());
    }

    @PostMapping("/{id}/bookings/series")
    @PreAuthorize(MANAGERS + " or hasRole('FRONT_DESK')")
    @Operation(summary = "Book the same slot on several weeks in a row (recurring slot booking)",
            description = "Each week is its own booking, held and paid like one; a week whose slot is taken or "
                    + "closed is skipped, with why.")
    ResponseEntity<SlotSeries> bookSeries(@PathVariable UUID id, @Valid @RequestBody SeriesRequest request,
                                          Caller caller) {
        if (request.weeks() < 2 || request.weeks() > MAX_WEEKS) {
            throw InvalidInputException.of("weeks", "must be between 2 and " + MAX_WEEKS);
        }
        ResourceView resource = visible(caller, id);
        UUID booker = bookers.bookable(caller.organization(), request.memberId(), false, resource.siteId(),
                request.startsAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.reserveWeekly(caller.organization(), id,
                zone(caller, resource), booker, players(caller, booker, request.players(), resource),
                request.startsAt(), request.minutes(), request.weeks(), caller.subject()));
    }

    @GetMapping("/bookings")
    @PreAuthorize(READERS)
    @Operation(summary = "A member's slot bookings, latest first, past and future, cancelled ones included: those "
            + "the member made and those the member plays in",
            description = "Bookings of records merged into the member are the member's. 404 member-not-found for "
                    + "a member bookings does not know (yet). Class bookings are at GET /api/v1/bookings?memberId.")
    SlotBookingList memberBookings(@RequestParam UUID memberId, @RequestParam(required = false) Instant from,
                                   @RequestParam(required = false) Instant to,
                                   @RequestParam(required = false, defaultValue = "200") int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        SlotBookingList bookings = queries.query(new MemberSlots(caller.organization(), members.history(
                caller.organization(), memberId),
                from, to, limit), SlotBookingList.class).join();
        return new SlotBookingList(bookings.items().stream().filter(booking -> caller.sees(booking.siteId()))
                .toList());
    }

    @GetMapping("/bookings/{bookingId}")
    @PreAuthorize(READERS)
    @Operation(summary = "A slot booking: pending, booked, refused or cancelled, its players and what paid")
    SlotBookingView booking(@PathVariable UUID bookingId, Caller caller) {
        return visibleBooking(caller, bookingId);
    }

    @PostMapping("/bookings/{bookingId}/cancellation")
    @PreAuthorize(BOOKERS)
    @Operation(summary = "Cancel a slot booking: the slot is free again; staff choose whether what paid comes back",
            description = "An integration cancels online, for the member: what paid comes back only before the "
                    + "resource's late-cancellation cutoff (the booking then reads late).")
    SlotBookingView cancel(@PathVariable UUID bookingId, @Valid @RequestBody(required = false) CancelRequest request,
                           Caller caller) {
        SlotBookingView booking = visibleBooking(caller, bookingId);
        CancelRequest asked = request == null ? new CancelRequest(null, null) : request;
        ZoneId zone = organizations.zone(caller.organization(), booking.siteId());
        UUID dayId = ResourceMessages.dayOf(booking.resourceId(), booking.startsAt().atZone(zone).toLocalDate());
        Channel channel = caller.has(Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.COACH) ? Channel.STAFF
                : Channel.ONLINE;
        commands.sendAndWait(new CancelSlot(dayId, bookingId, channel, !Boolean.FALSE.equals(asked.recredit()),
                asked.reason() == null ? "cancelled" : asked.reason(), caller.subject(), clock.instant()));
        readYourWrites.await(ResourceDirectory.GROUP, dayId.toString());
        return visibleBooking(caller, bookingId);
    }

    private List<UUID> players(Caller caller, UUID booker, List<UUID> others, ResourceView resource) {
        Set<UUID> players = new LinkedHashSet<>(List.of(booker));
        for (UUID player : others == null ? List.<UUID>of() : others) {
            try {
                players.add(bookers.bookable(caller.organization(), player, false, resource.siteId(), null));
            } catch (DomainException unknown) {
                throw InvalidInputException.of("players", unknown.getMessage());
            }
        }
        return List.copyOf(players);
    }

    private static Channel channel(Caller caller, boolean online) {
        return online ? Channel.ONLINE : caller.has(Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.COACH)
                ? Channel.STAFF : Channel.INTEGRATION;
    }

    private ZoneId zone(Caller caller, ResourceView resource) {
        return organizations.zone(caller.organization(), resource.siteId());
    }

    private List<SlotBookingView> day(Caller caller, UUID id, LocalDate date) {
        return queries.query(new DaySlots(caller.organization(), id, date),
                ResponseTypes.multipleInstancesOf(SlotBookingView.class)).join();
    }

    private ResourceView visible(Caller caller, UUID id) {
        ResourceView resource = queries.query(new FindResource(caller.organization(), id),
                ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                .orElseThrow(() -> NotFoundException.of("resource", id));
        if (!caller.sees(resource.siteId())) {
            throw NotFoundException.of("resource", id);
        }
        return resource;
    }

    private SlotBookingView visibleBooking(Caller caller, UUID bookingId) {
        SlotBookingView booking = desk.find(caller.organization(), bookingId);
        if (!caller.sees(booking.siteId())) {
            throw NotFoundException.of("booking", bookingId);
        }
        return booking;
    }
}
