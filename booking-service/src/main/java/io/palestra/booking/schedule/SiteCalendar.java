package io.palestra.booking.schedule;

import io.palestra.booking.schedule.ScheduleMessages.CloseSite;
import io.palestra.booking.schedule.ScheduleMessages.SiteClosed;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.organization.Organizations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A site's closures (holidays, works): the days its schedules skip and its planned sessions are cancelled. */
@Aggregate
public class SiteCalendar {

    private static final int MAX_DAYS = 366;

    @AggregateIdentifier
    private UUID siteId;

    protected SiteCalendar() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CloseSite command, Organizations organizations) {
        ZoneId zone = organizations.zone(command.organizationId(), command.siteId());
        LocalDate today = command.at().atZone(zone).toLocalDate();
        if (command.from() == null || command.until() == null || command.until().isBefore(command.from())) {
            throw InvalidInputException.of("until", "must be on or after from");
        }
        if (command.from().isBefore(today)) {
            throw InvalidInputException.of("from", "must be today (" + today + ") or later");
        }
        if (command.from().plusDays(MAX_DAYS).isBefore(command.until())) {
            throw InvalidInputException.of("until", "a closure lasts at most " + MAX_DAYS + " days");
        }
        apply(new SiteClosed(command.siteId(), command.organizationId(), command.closureId(), command.from(),
                command.until(), zone.getId(), command.reason(), command.actor(), command.at()));
    }

    @EventSourcingHandler
    void on(SiteClosed event) {
        siteId = event.siteId();
    }
}
