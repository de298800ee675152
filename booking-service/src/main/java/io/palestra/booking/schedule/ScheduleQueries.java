package io.palestra.booking.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What staff read of schedules and closures. */
public final class ScheduleQueries {

    private ScheduleQueries() {
    }

    public record FindSchedule(UUID organizationId, UUID scheduleId) {
    }

    public record ListSchedules(UUID organizationId, UUID siteId) {
    }

    public record ListClosures(UUID organizationId, UUID siteId) {
    }

    /**
     * @param endedFrom the first day without sessions once the schedule was ended; null while it runs
     * @param sessions  how many sessions it plans from its first day on
     */
    public record ScheduleView(UUID scheduleId, UUID siteId, String rule, LocalDate firstDay,
                               SessionTemplate template, LocalDate endedFrom, int sessions, long version) {
    }

    public record ScheduleList(List<ScheduleView> items) {
    }

    public record ClosureView(UUID closureId, UUID siteId, LocalDate from, LocalDate until, String reason) {
    }

    public record ClosureList(List<ClosureView> items) {
    }
}
