package io.palestra.booking.schedule;

import io.palestra.booking.schedule.ScheduleMessages.CloseSite;
import io.palestra.booking.schedule.ScheduleMessages.CreateSchedule;
import io.palestra.booking.schedule.ScheduleMessages.EndSchedule;
import io.palestra.booking.schedule.ScheduleMessages.ReviseSchedule;
import io.palestra.booking.schedule.ScheduleQueries.ClosureList;
import io.palestra.booking.schedule.ScheduleQueries.ClosureView;
import io.palestra.booking.schedule.ScheduleQueries.FindSchedule;
import io.palestra.booking.schedule.ScheduleQueries.ListClosures;
import io.palestra.booking.schedule.ScheduleQueries.ListSchedules;
import io.palestra.booking.schedule.ScheduleQueries.ScheduleList;
import io.palestra.booking.schedule.ScheduleQueries.ScheduleView;
import io.palestra.booking.session.WaitlistMode;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** Schedules (recurring sessions) and site closures: plan a series, edit it from a date on, end it; close a site. */
@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Schedules")
class ScheduleController {

    private static final String MANAGERS = "hasAnyRole('OWNER', 'MANAGER')";
    private static final String READERS =
            "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH', 'INTEGRATION', 'ANALYST')";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final Clock clock;

    ScheduleController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                       Organizations organizations, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** A session's terms without its date: {@code startTime} is the site's wall-clock time, e.g. 07:00. */
    record TemplateRequest(@NotNull @Size(max = 100) String activityType, UUID coachId, @Size(max = 200) String room,
                           @NotNull LocalTime startTime, @NotNull Integer durationMinutes, @NotNull Integer capacity,
                           Integer credits, WaitlistMode waitlist, Integer opensDaysBefore,
                           Integer closesMinutesBefore, Integer lateCancelMinutes) {

        SessionTemplate template() {
            return new SessionTemplate(activityType, coachId, room, startTime, durationMinutes, capacity,
                    credits == null ? 1 : credits, waitlist, opensDaysBefore, closesMinutesBefore, lateCancelMinutes);
        }
    }

    /** @param rule RFC 5545, e.g. FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270630 */
    record ScheduleRequest(@NotNull UUID siteId, @NotNull LocalDate firstDay, @NotNull @Size(max = 500) String rule,
                           @NotNull @Valid TemplateRequest session) {
    }

    /** @param rule a new rule, or absent to keep the schedule's */
    record RevisionRequest(@NotNull LocalDate from, @Size(max = 500) String rule,
                           @NotNull @Valid TemplateRequest session) {
    }

    record EndRequest(@NotNull LocalDate from) {
    }

    record ClosureRequest(@NotNull UUID siteId, @NotNull LocalDate from, @NotNull LocalDate until,
                          @Size(max = 200) String reason) {
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Plan a series of sessions from a recurrence rule",
            description = "Every day the rule gives from firstDay on, in the site's time zone (a rule without an end "
                    + "is planned one year ahead, 400 sessions at most), except the days the site is closed, gets "
                    + "its own session, which is booked, changed or cancelled like any other "
                    + "(GET /api/v1/sessions?scheduleId=...). 422 no-occurrences when the rule plans nothing.")
    ResponseEntity<ScheduleView> create(@Valid @RequestBody ScheduleRequest request, Caller caller) {
        organizations.managedSite(caller, request.siteId());
        UUID scheduleId = UUID.randomUUID();
        commands.sendAndWait(new CreateSchedule(scheduleId, caller.organization(), request.siteId(),
                request.session().template(), request.rule(), request.firstDay(), caller.subject(), clock.instant()));
        ScheduleView schedule = afterChange(caller, scheduleId);
        return ResponseEntity.created(URI.create("/api/v1/schedules/" + scheduleId)).body(schedule);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The schedules, by first day and time")
    ScheduleList list(@RequestParam(required = false) UUID siteId, Caller caller) {
        ScheduleList schedules = queries.query(new ListSchedules(caller.organization(), siteId), ScheduleList.class)
                .join();
        return new ScheduleList(schedules.items().stream().filter(item -> caller.sees(item.siteId())).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A schedule: its rule, session template and how many sessions it plans")
    ScheduleView get(@PathVariable UUID id, Caller caller) {
        return visible(caller, id);
    }

    @PostMapping("/{id}/revisions")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Edit the series from a date on: a new session template, and a new rule if given",
            description = "From that day (today at the earliest) on, a day still planned keeps its session, which "
                    + "follows the new template with its bookings kept (never below the seats held, never once "
                    + "started); a day no longer planned has its session cancelled with its bookings re-credited; a "
                    + "new day gets a session. Edit one occurrence with PUT /api/v1/sessions/{id}.")
    ScheduleView revise(@PathVariable UUID id, @Valid @RequestBody RevisionRequest request, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new ReviseSchedule(id, request.from(), request.session().template(), request.rule(),
                caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    @PostMapping("/{id}/end")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "End the series: its sessions from that day on are cancelled, bookings re-credited")
    ScheduleView end(@PathVariable UUID id, @Valid @RequestBody EndRequest request, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new EndSchedule(id, request.from(), caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    @PostMapping("/closures")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Close a site for some days (a holiday)",
            description = "Schedules skip those days from now on, and the sessions already planned at the site on "
                    + "them are cancelled, their bookings re-credited and their members told.")
    ResponseEntity<ClosureView> close(@Valid @RequestBody ClosureRequest request, Caller caller) {
        organizations.managedSite(caller, request.siteId());
        UUID closureId = UUID.randomUUID();
        commands.sendAndWait(new CloseSite(request.siteId(), caller.organization(), closureId, request.from(),
                request.until(), request.reason(), caller.subject(), clock.instant()));
        readYourWrites.await(ScheduleDirectory.GROUP, request.siteId().toString());
        return ResponseEntity.created(URI.create("/api/v1/schedules/closures?siteId=" + request.siteId()))
                .body(new ClosureView(closureId, request.siteId(), request.from(), request.until(),
                        request.reason()));
    }

    @GetMapping("/closures")
    @PreAuthorize(READERS)
    @Operation(summary = "The sites' closures")
    ClosureList closures(@RequestParam(required = false) UUID siteId, Caller caller) {
        ClosureList closures = queries.query(new ListClosures(caller.organization(), siteId), ClosureList.class)
                .join();
        return new ClosureList(closures.items().stream().filter(item -> caller.sees(item.siteId())).toList());
    }

    private ScheduleView visible(Caller caller, UUID id) {
        ScheduleView schedule = queries.query(new FindSchedule(caller.organization(), id),
                ResponseTypes.optionalInstanceOf(ScheduleView.class)).join()
                .orElseThrow(() -> NotFoundException.of("schedule", id));
        if (!caller.sees(schedule.siteId())) {
            throw NotFoundException.of("schedule", id);
        }
        return schedule;
    }

    /** Once the schedule reads as changed and its sessions are planned (they reach the timetable a moment later). */
    private ScheduleView afterChange(Caller caller, UUID id) {
        readYourWrites.await(ScheduleDirectory.GROUP, id.toString());
        readYourWrites.await("schedule-sessions", id.toString());
        return visible(caller, id);
    }
}
