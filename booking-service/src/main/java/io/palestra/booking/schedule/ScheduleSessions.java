package io.palestra.booking.schedule;

import io.palestra.booking.schedule.ScheduleMessages.ScheduleCreated;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleEnded;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleExtended;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleRevised;
import io.palestra.booking.schedule.ScheduleMessages.SiteClosed;
import io.palestra.booking.session.SessionMessages.CancelSession;
import io.palestra.booking.session.SessionMessages.FollowSchedule;
import io.palestra.booking.session.SessionMessages.ScheduleSession;
import io.palestra.platform.axon.StoredAggregates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Turns what schedules and closures decide into sessions: a planned day gets its session (its id derived from the
 * schedule and the day, and scheduled only if it is not in the event store yet, so a redelivered event plans nothing
 * twice); a kept day's session follows the new template; a dropped day's session, and every session on a closed day,
 * is cancelled with its bookings re-credited. Its commands never refuse (the session follows what it can), so a
 * failure can only be transient, and the event is then retried. Never replayed: sessions exist once.
 */
@Component
@ProcessingGroup("schedule-sessions")
@DisallowReplay
class ScheduleSessions {

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final StoredAggregates aggregates;

    ScheduleSessions(CommandGateway commands, JdbcClient jdbc, StoredAggregates aggregates) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.aggregates = aggregates;
    }

    @EventHandler
    void on(ScheduleCreated event) {
        plan(event.scheduleId(), event.organizationId(), event.siteId(), event.template(), ZoneId.of(event.zone()),
                event.days(), event.actor(), event.at());
    }

    @EventHandler
    void on(ScheduleRevised event) {
        cancel(event.scheduleId(), event.dropped(), "schedule changed", event.actor(), event.at());
        plan(event.scheduleId(), event.organizationId(), event.siteId(), event.template(), ZoneId.of(event.zone()),
                event.days(), event.actor(), event.at());
    }

    @EventHandler
    void on(ScheduleExtended event) {
        plan(event.scheduleId(), event.organizationId(), event.siteId(), event.template(), ZoneId.of(event.zone()),
                event.days(), ScheduleHorizon.ACTOR, event.at());
    }

    @EventHandler
    void on(ScheduleEnded event) {
        cancel(event.scheduleId(), event.dropped(), "schedule ended", event.actor(), event.at());
    }

    @EventHandler
    void on(SiteClosed event) {
        ZoneId zone = ZoneId.of(event.zone());
        List<UUID> sessions = jdbc.sql("""
                        SELECT session_id FROM session_view
                        WHERE site_id = ? AND status = 'scheduled' AND starts_at >= ? AND starts_at < ?""")
                .params(event.siteId(), event.from().atStartOfDay(zone).toOffsetDateTime(),
                        event.until().plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query(UUID.class).list();
        String reason = "site closed" + (event.reason() == null ? "" : ": " + event.reason());
        sessions.forEach(session -> commands.sendAndWait(new CancelSession(session, reason, true, event.actor(),
                event.at())));
    }

    private void plan(UUID scheduleId, UUID organizationId, UUID siteId, SessionTemplate template, ZoneId zone,
                      List<LocalDate> days, String actor, Instant at) {
        for (LocalDate day : days) {
            UUID session = ScheduleMessages.sessionOf(scheduleId, day);
            if (aggregates.exists(session)) {
                commands.sendAndWait(new FollowSchedule(session, template.on(day, zone), actor, at));
            } else {
                commands.sendAndWait(new ScheduleSession(session, organizationId, siteId, scheduleId,
                        template.on(day, zone), actor, at));
            }
        }
    }

    private void cancel(UUID scheduleId, List<LocalDate> days, String reason, String actor, Instant at) {
        for (LocalDate day : days) {
            UUID session = ScheduleMessages.sessionOf(scheduleId, day);
            if (aggregates.exists(session)) {
                commands.sendAndWait(new CancelSession(session, reason, true, actor, at));
            }
        }
    }
}
