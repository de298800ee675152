package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.UUID;

/**
 * A blacklist period was lifted: the member may book online on those days again.
 *
 * @param organizationId the organisation
 * @param memberId       the member (also the record key)
 * @param periodId       the period lifted
 */
@JsonTypeName("palestra.members.MemberBlacklistLifted.v1")
public record MemberBlacklistLifted(UUID organizationId, UUID memberId, UUID periodId) implements MembersEvent {
}
