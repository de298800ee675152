package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.UUID;

/**
 * A member moved to another site of the same organisation: it is now their home site. Their history stays as it was.
 *
 * @param organizationId the organisation
 * @param memberId       the member (also the record key)
 * @param fromSiteId     the former home site
 * @param toSiteId       the new home site
 */
@JsonTypeName("palestra.members.MemberTransferred.v1")
public record MemberTransferred(UUID organizationId, UUID memberId, UUID fromSiteId, UUID toSiteId)
        implements MembersEvent {
}
