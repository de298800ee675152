package io.palestra.booking.schedule;

import io.palestra.booking.schedule.ScheduleMessages.ScheduleCreated;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleEnded;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleExtended;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleRevised;
import io.palestra.booking.schedule.ScheduleMessages.SiteClosed;
import io.palestra.booking.schedule.ScheduleQueries.ClosureList;
import io.palestra.booking.schedule.ScheduleQueries.ClosureView;
import io.palestra.booking.schedule.ScheduleQueries.FindSchedule;
import io.palestra.booking.schedule.ScheduleQueries.ListClosures;
import io.palestra.booking.schedule.ScheduleQueries.ListSchedules;
import io.palestra.booking.schedule.ScheduleQueries.ScheduleList;
import io.palestra.booking.schedule.ScheduleQueries.ScheduleView;
import io.palestra.platform.axon.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Schedules and site closures as staff read them; the closures are also what {@link Occurrences} skips. Rebuildable:
 * a reset empties it; a schedule row keeps the sequence of its last event applied, a closure its id.
 */
@Component
@ProcessingGroup(ScheduleDirectory.GROUP)
class ScheduleDirectory {

    static final String GROUP = "schedule-directory";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final VersionedRows schedules;

    ScheduleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.schedules = new VersionedRows(jdbc, "schedule_view", "schedule_id");
    }

    @EventHandler
    void on(ScheduleCreated event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO schedule_view (schedule_id, organization_id, site_id, activity_type, rule,
                            first_day, start_time, template, occurrences, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (schedule_id) DO NOTHING""")
                .params(event.scheduleId(), event.organizationId(), event.siteId(), event.template().activityType(),
                        event.rule(), event.firstDay(), event.template().startTime(),
                        JSON.writeValueAsString(event.template()), event.days().size(), version)
                .update();
    }

    @EventHandler
    void on(ScheduleRevised event, @SequenceNumber long version) {
        schedules.change(event.scheduleId(), version, "rule = ?, start_time = ?, template = ?::jsonb, "
                        + "occurrences = ?, ended_from = NULL", event.rule(), event.template().startTime(),
                JSON.writeValueAsString(event.template()), event.sessions());
    }

    @EventHandler
    void on(ScheduleExtended event, @SequenceNumber long version) {
        schedules.change(event.scheduleId(), version, "occurrences = ?", event.sessions());
    }

    @EventHandler
    void on(ScheduleEnded event, @SequenceNumber long version) {
        schedules.change(event.scheduleId(), version, "ended_from = ?, occurrences = ?", event.from(),
                event.sessions());
    }

    @EventHandler
    void on(SiteClosed event) {
        jdbc.sql("""
                        INSERT INTO site_closure (closure_id, organization_id, site_id, from_day, until_day, reason)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (closure_id) DO NOTHING""")
                .params(event.closureId(), event.organizationId(), event.siteId(), event.from(), event.until(),
                        event.reason())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE schedule_view, site_closure").update();
    }

    @QueryHandler
    Optional<ScheduleView> handle(FindSchedule query) {
        return jdbc.sql("SELECT * FROM schedule_view WHERE schedule_id = ? AND organization_id = ?")
                .params(query.scheduleId(), query.organizationId()).query(ScheduleDirectory::schedule).optional();
    }

    @QueryHandler
    ScheduleList handle(ListSchedules query) {
        return new ScheduleList(jdbc.sql("""
                        SELECT * FROM schedule_view WHERE organization_id = ? AND (CAST(? AS UUID) IS NULL OR site_id = ?)
                        ORDER BY first_day, start_time, schedule_id""")
                .params(query.organizationId(), query.siteId(), query.siteId()).query(ScheduleDirectory::schedule)
                .list());
    }

    @QueryHandler
    ClosureList handle(ListClosures query) {
        return new ClosureList(jdbc.sql("""
                        SELECT * FROM site_closure WHERE organization_id = ? AND (CAST(? AS UUID) IS NULL OR site_id = ?)
                        ORDER BY from_day, closure_id""")
                .params(query.organizationId(), query.siteId(), query.siteId())
                .query((rs, row) -> new ClosureView(rs.getObject("closure_id", UUID.class),
                        rs.getObject("site_id", UUID.class), rs.getObject("from_day", LocalDate.class),
                        rs.getObject("until_day", LocalDate.class), rs.getString("reason")))
                .list());
    }

    private static ScheduleView schedule(ResultSet rs, int row) throws SQLException {
        return new ScheduleView(rs.getObject("schedule_id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getString("rule"), rs.getObject("first_day", LocalDate.class),
                JSON.readValue(rs.getString("template"), SessionTemplate.class),
                rs.getObject("ended_from", LocalDate.class), rs.getInt("occurrences"), rs.getLong("version"));
    }
}
