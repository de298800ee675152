package io.palestra.booking.schedule;

import io.palestra.booking.schedule.ScheduleMessages.CreateSchedule;
import io.palestra.booking.schedule.ScheduleMessages.EndSchedule;
import io.palestra.booking.schedule.ScheduleMessages.ExtendSchedule;
import io.palestra.booking.schedule.ScheduleMessages.ReviseSchedule;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleCreated;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleEnded;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleExtended;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleRevised;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.organization.Organizations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A schedule: a session template repeated by a recurrence rule ("every Monday and Wednesday at 07:00 until June"),
 * in its site's time zone, skipping the days the site is closed. It decides which days it plans; each day's session is
 * its own {@code ClassSession} ({@code ScheduleSessions} schedules, revises and cancels them), so one occurrence is
 * changed or cancelled like any session. The series is edited from a date on: a new template, a new rule, or its end.
 */
@Aggregate
public class Schedule {

    @AggregateIdentifier
    private UUID scheduleId;
    private UUID organizationId;
    private UUID siteId;
    private ZoneId zone;
    private SessionTemplate template;
    private String rule;
    private LocalDate firstDay;
    private TreeSet<LocalDate> days = new TreeSet<>();
    /** The first day without sessions once the schedule was ended; null while it runs. */
    private LocalDate endedFrom;

    protected Schedule() {
    }

    @CommandHandler
    Schedule(CreateSchedule command, Organizations organizations, Occurrences occurrences) {
        valid(command.template());
        if (command.firstDay() == null) {
            throw InvalidInputException.of("firstDay", "is required");
        }
        ZoneId zone = organizations.zone(command.organizationId(), command.siteId());
        List<LocalDate> planned = occurrences.days(command.rule(), command.firstDay(), command.firstDay(),
                Occurrences.horizon(command.firstDay(), command.at().atZone(zone).toLocalDate()), command.siteId());
        if (planned.isEmpty()) {
            throw new RuleViolationException("no-occurrences", "This rule plans no session (the days it gives are "
                    + "over or the site is closed on all of them).");
        }
        apply(new ScheduleCreated(command.scheduleId(), command.organizationId(), command.siteId(),
                command.template(), command.rule(), command.firstDay(), zone.getId(), planned, command.actor(),
                command.at()));
    }

    /**
     * From {@code from} (today at the earliest) on, the sessions follow the new template, and the new rule when one is
     * given: a day planned before and still planned keeps its session (revised, its bookings kept), a day no longer
     * planned has its session cancelled (bookings re-credited), a new day gets a session.
     */
    @CommandHandler
    void handle(ReviseSchedule command, Occurrences occurrences) {
        valid(command.template());
        if (!command.template().activityType().equals(template.activityType())) {
            throw InvalidInputException.of("activityType", "cannot change: end this schedule and start another");
        }
        LocalDate from = notInThePast(command.from(), command.at());
        String newRule = command.rule() == null || command.rule().isBlank() ? rule : command.rule();
        List<LocalDate> planned = occurrences.days(newRule, firstDay, from, Occurrences.horizon(firstDay,
                command.at().atZone(zone).toLocalDate()), siteId);
        List<LocalDate> dropped = days.tailSet(from, true).stream().filter(day -> !planned.contains(day)).toList();
        apply(new ScheduleRevised(scheduleId, organizationId, siteId, from, command.template(), newRule,
                zone.getId(), planned, dropped, days.headSet(from).size() + planned.size(), command.actor(),
                command.at()));
    }

    @CommandHandler
    void handle(EndSchedule command) {
        LocalDate from = notInThePast(command.from(), command.at());
        List<LocalDate> dropped = List.copyOf(days.tailSet(from, true));
        if (endedFrom == null || from.isBefore(endedFrom)) {
            apply(new ScheduleEnded(scheduleId, organizationId, siteId, from, dropped, days.headSet(from).size(),
                    command.actor(), command.at()));
        }
    }

    /**
     * Keeps a schedule planned a year ahead: the rule's days after its last planned day, up to the moving horizon, are
     * planned, up to the day before its end when it was ended. Nothing when it keeps up, or the
     * rule has no day left.
     */
    @CommandHandler
    void handle(ExtendSchedule command, Occurrences occurrences) {
        LocalDate today = command.at().atZone(zone).toLocalDate();
        LocalDate horizon = Occurrences.horizon(firstDay, today);
        if (endedFrom != null && endedFrom.isBefore(horizon)) {
            horizon = endedFrom.minusDays(1);
        }
        LocalDate last = days.isEmpty() ? firstDay.minusDays(1) : days.last();
        if (!last.isBefore(horizon)) {
            return;
        }
        LocalDate from = last.isBefore(today) ? today : last.plusDays(1);
        List<LocalDate> planned = occurrences.days(rule, firstDay, from, horizon, siteId);
        if (!planned.isEmpty()) {
            apply(new ScheduleExtended(scheduleId, organizationId, siteId, template, zone.getId(), planned,
                    days.size() + planned.size(), command.at()));
        }
    }

    private LocalDate notInThePast(LocalDate from, Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        if (from == null || from.isBefore(today)) {
            throw InvalidInputException.of("from", "must be today (" + today + ") or later: past sessions stay as "
                    + "they were");
        }
        return from;
    }

    private static void valid(SessionTemplate template) {
        var problems = template.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    @EventSourcingHandler
    void on(ScheduleCreated event) {
        scheduleId = event.scheduleId();
        organizationId = event.organizationId();
        siteId = event.siteId();
        zone = ZoneId.of(event.zone());
        template = event.template();
        rule = event.rule();
        firstDay = event.firstDay();
        days.addAll(event.days());
    }

    @EventSourcingHandler
    void on(ScheduleRevised event) {
        template = event.template();
        rule = event.rule();
        days.tailSet(event.from(), true).clear();
        days.addAll(event.days());
        endedFrom = null;
    }

    @EventSourcingHandler
    void on(ScheduleExtended event) {
        days.addAll(event.days());
    }

    @EventSourcingHandler
    void on(ScheduleEnded event) {
        days.tailSet(event.from(), true).clear();
        endedFrom = event.from();
    }
}
