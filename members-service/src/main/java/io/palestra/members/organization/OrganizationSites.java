package io.palestra.members.organization;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Reads sites from the organisation aggregate itself rather than a read model, so that a site opened a moment ago
 * counts at once. Called inside a command's unit of work.
 */
@Component
class OrganizationSites implements Sites {

    private final Repository<Organization> organizations;

    OrganizationSites(Repository<Organization> organizations) {
        this.organizations = organizations;
    }

    @Override
    public boolean exists(UUID organizationId, UUID siteId) {
        try {
            return organizations.load(organizationId.toString()).invoke(found -> found.hasSite(siteId));
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }
}
