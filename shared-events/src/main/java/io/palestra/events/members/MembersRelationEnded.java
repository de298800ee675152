package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.UUID;

/**
 * A relation between two members ended.
 *
 * @param organizationId the organisation
 * @param memberId       the member the relation was added from (also the record key)
 * @param relationId     the relation
 * @param otherMemberId  the other member
 */
@JsonTypeName("palestra.members.MembersRelationEnded.v1")
public record MembersRelationEnded(UUID organizationId, UUID memberId, UUID relationId, UUID otherMemberId)
        implements MembersEvent {
}
