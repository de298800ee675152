package io.palestra.platform.testapp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** Commands, events and queries of the test aggregate. */
final class Clubs {

    private Clubs() {
    }

    record OpenClub(@TargetAggregateIdentifier UUID clubId, UUID organizationId, String name) {
    }

    record RenameClub(@TargetAggregateIdentifier UUID clubId, String name, @TargetAggregateVersion Long version) {
    }

    record ClubOpened(UUID clubId, UUID organizationId, String name) {
    }

    record ClubRenamed(UUID clubId, UUID organizationId, String name) {
    }

    record FindClub(UUID organizationId, UUID clubId) {
    }

    record ClubView(UUID clubId, UUID organizationId, String name, long version) {
    }
}
