package io.palestra.platform.testapp;

import io.palestra.events.members.OrganizationCreated;
import io.palestra.events.members.SiteRenamed;
import io.palestra.platform.relay.Publication;
import io.palestra.platform.relay.PublishedLanguage;
import io.palestra.platform.testapp.Clubs.ClubOpened;
import io.palestra.platform.testapp.Clubs.ClubRenamed;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/** Borrows two members records to publish the test aggregate's events. */
@Component
class ClubsPublishedLanguage implements PublishedLanguage {

    @Override
    public List<Publication> translate(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof ClubOpened opened) {
            return List.of(Publication.of(new OrganizationCreated(opened.clubId(), opened.name(), "EUR",
                    "Europe/Paris", "fr-FR"), opened.clubId()));
        }
        if (payload instanceof ClubRenamed renamed) {
            return List.of(Publication.of(new SiteRenamed(renamed.organizationId(), renamed.clubId(),
                    renamed.name()), renamed.clubId()));
        }
        return List.of();
    }
}
