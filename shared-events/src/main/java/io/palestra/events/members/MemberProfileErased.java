package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Tombstone;

import java.util.UUID;

/**
 * The tombstone of a member's profile on {@code palestra.members.profiles}: the record's value is {@code null}; its
 * key and {@code ce_subject} are the member id, {@code ce_organizationid} the organisation. Drop every copy of the
 * member's personal data.
 *
 * @param organizationId the organisation
 * @param memberId       the erased member
 */
@JsonTypeName("palestra.members.MemberProfileErased.v1")
public record MemberProfileErased(UUID organizationId, UUID memberId) implements MemberProfiles, Tombstone {
}
