package io.palestra.members.integration;

import io.palestra.events.PostalAddress;
import io.palestra.events.members.MemberProfile;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.organization.OrganizationMessages.OrganizationCreated;
import io.palestra.members.organization.OrganizationMessages.SiteAddress;
import io.palestra.members.organization.OrganizationMessages.SiteAdded;
import io.palestra.members.organization.OrganizationMessages.SiteRenamed;
import io.palestra.platform.relay.Publication;
import io.palestra.platform.relay.PublishedLanguage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The one place where members-service's internal events become the published contract: organisations and sites as
 * they are; a registration as a pseudonymous {@code MemberRegistered} on the events topic plus the personal part as a
 * {@code MemberProfile} on the compacted profiles topic.
 */
@Component
class MembersPublishedLanguage implements PublishedLanguage {

    @Override
    public List<Publication> translate(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof OrganizationCreated created) {
            return List.of(Publication.of(new io.palestra.events.members.OrganizationCreated(
                    created.organizationId(), created.name(), created.currency(), created.timeZone(),
                    created.locale()), created.organizationId()));
        }
        if (payload instanceof SiteAdded added) {
            return List.of(Publication.of(new io.palestra.events.members.SiteAdded(added.organizationId(),
                    added.siteId(), added.name(), added.timeZone(), address(added.address())),
                    added.organizationId()));
        }
        if (payload instanceof SiteRenamed renamed) {
            return List.of(Publication.of(new io.palestra.events.members.SiteRenamed(renamed.organizationId(),
                    renamed.siteId(), renamed.name()), renamed.organizationId()));
        }
        if (payload instanceof MemberRegistered registered) {
            return List.of(
                    Publication.of(new io.palestra.events.members.MemberRegistered(registered.organizationId(),
                            registered.siteId(), registered.memberId(), registered.memberCode(),
                            registered.gender().value(),
                            registered.birthDate() == null ? null : registered.birthDate().getYear(),
                            registered.country(), registered.registeredAt()), registered.memberId()),
                    Publication.of(new MemberProfile(registered.organizationId(), registered.memberId(),
                            registered.siteId(), registered.memberCode(), registered.firstName(),
                            registered.lastName(), registered.email(), registered.phone(),
                            registered.birthDate()), registered.memberId()));
        }
        return List.of();
    }

    private static PostalAddress address(SiteAddress address) {
        return address == null ? null : new PostalAddress(address.line1(), address.line2(), address.postalCode(),
                address.city(), address.region(), address.country());
    }
}
