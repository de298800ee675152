package io.palestra.platform.testapp;

import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.testapp.Clubs.ClubOpened;
import io.palestra.platform.testapp.Clubs.ClubRenamed;
import io.palestra.platform.testapp.Clubs.OpenClub;
import io.palestra.platform.testapp.Clubs.RenameClub;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
class Club {

    @AggregateIdentifier
    private UUID clubId;
    private UUID organizationId;
    private String name;

    Club() {
    }

    @CommandHandler
    Club(OpenClub command) {
        requireName(command.name());
        apply(new ClubOpened(command.clubId(), command.organizationId(), command.name()));
    }

    @CommandHandler
    void handle(RenameClub command) {
        requireName(command.name());
        if ("explode".equals(command.name())) {
            throw new IllegalStateException("an unexpected failure deep inside");
        }
        apply(new ClubRenamed(clubId, organizationId, command.name()));
    }

    @EventSourcingHandler
    void on(ClubOpened event) {
        clubId = event.clubId();
        organizationId = event.organizationId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(ClubRenamed event) {
        name = event.name();
    }

    private static void requireName(String name) {
        if (name.startsWith("Closed")) {
            throw new RuleViolationException("club-closed", "A club named Closed cannot open");
        }
    }
}
