package io.palestra.booking.schedule;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and events of schedules (recurring sessions) and of the sites' closures. */
public final class ScheduleMessages {

    private ScheduleMessages() {
    }

    /** @param rule an RFC 5545 recurrence rule, e.g. {@code FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270630} */
    public record CreateSchedule(UUID scheduleId, UUID organizationId, UUID siteId, SessionTemplate template,
                                 String rule, LocalDate firstDay, String actor, Instant at) {
    }

    /** From {@code from} on, the sessions follow a new template and, when given, a new rule. */
    public record ReviseSchedule(@TargetAggregateIdentifier UUID scheduleId, LocalDate from,
                                 SessionTemplate template, String rule, String actor, Instant at) {
    }

    /** No more sessions from {@code from} on: those planned are cancelled, their bookings re-credited. */
    public record EndSchedule(@TargetAggregateIdentifier UUID scheduleId, LocalDate from, String actor, Instant at) {
    }

    /** Plans the schedule's next days up to the moving one-year horizon, if it falls behind; nothing otherwise. */
    public record ExtendSchedule(@TargetAggregateIdentifier UUID scheduleId, Instant at) {
    }

    /** The site is closed those days (a holiday): schedules skip them, sessions planned on them are cancelled. */
    public record CloseSite(@TargetAggregateIdentifier UUID siteId, UUID organizationId, UUID closureId,
                            LocalDate from, LocalDate until, String reason, String actor, Instant at) {
    }

    /** @param days the days a session takes place, in the site's zone ({@code zone}), in order */
    public record ScheduleCreated(UUID scheduleId, UUID organizationId, UUID siteId, SessionTemplate template,
                                  String rule, LocalDate firstDay, String zone, List<LocalDate> days, String actor,
                                  Instant at) {
    }

    /**
     * @param days    the days from {@code from} on, as now planned (a day kept follows the new template)
     * @param dropped  the days from {@code from} on no longer planned
     * @param sessions how many sessions the schedule now plans in all, since its first day
     */
    public record ScheduleRevised(UUID scheduleId, UUID organizationId, UUID siteId, LocalDate from,
                                  SessionTemplate template, String rule, String zone, List<LocalDate> days,
                                  List<LocalDate> dropped, int sessions, String actor, Instant at) {
    }

    public record ScheduleEnded(UUID scheduleId, UUID organizationId, UUID siteId, LocalDate from,
                                List<LocalDate> dropped, int sessions, String actor, Instant at) {
    }

    /**
     * The horizon moved: the schedule plans {@code days} more (after its last planned day, in order).
     *
     * @param sessions how many sessions the schedule now plans in all, since its first day
     */
    public record ScheduleExtended(UUID scheduleId, UUID organizationId, UUID siteId, SessionTemplate template,
                                   String zone, List<LocalDate> days, int sessions, Instant at) {
    }

    public record SiteClosed(UUID siteId, UUID organizationId, UUID closureId, LocalDate from, LocalDate until,
                             String zone, String reason, String actor, Instant at) {
    }

    /** The session a schedule plans on {@code day}: the same id however often it is planned. */
    public static UUID sessionOf(UUID scheduleId, LocalDate day) {
        return UUID.nameUUIDFromBytes(("palestra:schedule:" + scheduleId + ":" + day).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
