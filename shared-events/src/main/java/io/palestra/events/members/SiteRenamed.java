package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.UUID;

/**
 * A site got a new name. The record key is the organisation id.
 *
 * @param organizationId the organisation
 * @param siteId         the site
 * @param name           its new name
 */
@JsonTypeName("palestra.members.SiteRenamed.v1")
public record SiteRenamed(UUID organizationId, UUID siteId, String name) implements MembersEvent {
}
