package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.UUID;

/**
 * Staff filed a member under a tag (a category or a sub-category of {@link TagCatalogChanged}).
 *
 * @param organizationId the organisation
 * @param memberId       the member (also the record key)
 * @param tagId          the tag
 */
@JsonTypeName("palestra.members.MemberTagged.v1")
public record MemberTagged(UUID organizationId, UUID memberId, UUID tagId) implements MembersEvent {
}
