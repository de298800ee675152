package io.palestra.members.settings;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads the catalog from the settings aggregate itself rather than a read model, so that a tag defined a moment ago
 * can be used at once. Called inside a command's unit of work.
 */
@Component
class AggregateCatalog implements Catalog {

    private final Repository<MemberSettings> settings;

    AggregateCatalog(Repository<MemberSettings> settings) {
        this.settings = settings;
    }

    @Override
    public boolean hasTag(UUID organizationId, UUID tagId) {
        return ask(organizationId, found -> found.hasTag(tagId));
    }

    @Override
    public boolean offersPreference(UUID organizationId, UUID preferenceId) {
        return ask(organizationId, found -> found.offersPreference(preferenceId));
    }

    private boolean ask(UUID organizationId, Predicate<MemberSettings> question) {
        try {
            return settings.load(MemberSettings.idOf(organizationId).toString()).invoke(question::test);
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }
}
