package io.palestra.booking.schedule;

import io.palestra.booking.schedule.ScheduleMessages.ExtendSchedule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Moves the schedules' one-year horizon: every week (PALESTRA_SCHEDULES_EXTEND_CRON), each schedule still running
 * plans the days its rule gives up to a year ahead, so a class that repeats "every Monday" never runs out of
 * sessions. Each schedule decides for itself (an extension planned twice plans nothing), so several instances running
 * it at once, or a run missed, are harmless.
 */
@Component
public class ScheduleHorizon {

    static final String ACTOR = "palestra";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleHorizon.class);

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScheduleHorizon(CommandGateway commands, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${palestra.schedules.extend-cron:0 15 3 * * MON}", zone = "UTC")
    void onSchedule() {
        extend();
    }

    /** @return how many running schedules were asked to extend, and did or had nothing to plan */
    public int extend() {
        List<UUID> running = jdbc.sql("SELECT schedule_id FROM schedule_view WHERE ended_from IS NULL "
                + "OR ended_from > ?").param(LocalDate.now(clock).minusDays(1)).query(UUID.class).list();
        int extended = 0;
        for (UUID schedule : running) {
            try {
                commands.sendAndWait(new ExtendSchedule(schedule, clock.instant()));
                extended++;
            } catch (RuntimeException failed) {
                LOG.warn("Schedule {} not extended this time: {}", schedule, failed.getMessage());
            }
        }
        LOG.info("Extended {} of {} running schedules", extended, running.size());
        return extended;
    }
}
