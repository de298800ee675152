package io.palestra.booking.resource;

import io.palestra.booking.resource.ResourceMessages.DefineResource;
import io.palestra.booking.resource.ResourceMessages.ResourceDefined;
import io.palestra.booking.resource.ResourceMessages.ResourceRevised;
import io.palestra.booking.resource.ResourceMessages.ReviseResource;
import io.palestra.platform.errors.InvalidInputException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A bookable resource's definition: its name, kind, opening hours, slots, price in credits and players. */
@Aggregate
public class Resource {

    @AggregateIdentifier
    private UUID resourceId;
    private UUID organizationId;
    private UUID siteId;
    private ResourceTerms terms;

    protected Resource() {
    }

    @CommandHandler
    Resource(DefineResource command) {
        valid(command.terms());
        apply(new ResourceDefined(command.resourceId(), command.organizationId(), command.siteId(), command.terms(),
                command.actor(), command.at()));
    }

    /** New terms apply to slots booked from now on; slots already booked stay as they are. */
    @CommandHandler
    void handle(ReviseResource command) {
        valid(command.terms());
        if (!command.terms().equals(terms)) {
            apply(new ResourceRevised(resourceId, organizationId, siteId, command.terms(), command.actor(),
                    command.at()));
        }
    }

    private static void valid(ResourceTerms terms) {
        if (!terms.problems().isEmpty()) {
            throw new InvalidInputException(terms.problems());
        }
    }

    @EventSourcingHandler
    void on(ResourceDefined event) {
        resourceId = event.resourceId();
        organizationId = event.organizationId();
        siteId = event.siteId();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(ResourceRevised event) {
        terms = event.terms();
    }
}
