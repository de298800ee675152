package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.UUID;

/**
 * Two members of an organisation were related. {@code kind} is what the other member is to {@code memberId}; the
 * other member sees the counterpart (sponsor ↔ referee, parent ↔ child; family and partner read the same both ways).
 *
 * @param organizationId the organisation
 * @param memberId       the member the relation was added from (also the record key)
 * @param relationId     the relation, as {@link MembersRelationEnded} names it
 * @param otherMemberId  the other member
 * @param kind           {@code sponsor}, {@code referee}, {@code parent}, {@code child}, {@code family} or
 *                       {@code partner}; more may come
 */
@JsonTypeName("palestra.members.MembersRelated.v1")
public record MembersRelated(UUID organizationId, UUID memberId, UUID relationId, UUID otherMemberId, String kind)
        implements MembersEvent {
}
