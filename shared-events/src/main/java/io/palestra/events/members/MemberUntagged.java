package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.UUID;

/**
 * A member lost a tag: staff took it off, or the organisation deleted the tag.
 *
 * @param organizationId the organisation
 * @param memberId       the member (also the record key)
 * @param tagId          the tag
 */
@JsonTypeName("palestra.members.MemberUntagged.v1")
public record MemberUntagged(UUID organizationId, UUID memberId, UUID tagId) implements MembersEvent {
}
