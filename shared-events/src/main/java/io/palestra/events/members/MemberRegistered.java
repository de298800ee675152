package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A person became a member of an organisation, registered at one of its sites. Pseudonymous: the member's name and
 * contact details are in {@link MemberProfile} on the profiles topic.
 *
 * @param organizationId the organisation
 * @param siteId         the member's home site
 * @param memberId       the member's id (also the record key)
 * @param memberCode     the short human code staff and badges use, unique within the organisation
 * @param gender         {@code female}, {@code male}, {@code other} or {@code undisclosed}; further values may come
 * @param birthYear      year of birth, for age statistics; null when unknown
 * @param country        ISO 3166-1 alpha-2 code of the member's country; null when unknown
 * @param registeredAt   when the member was registered
 */
@JsonTypeName("palestra.members.MemberRegistered.v1")
public record MemberRegistered(UUID organizationId, UUID siteId, UUID memberId, String memberCode, String gender,
                               @Nullable Integer birthYear, @Nullable String country, Instant registeredAt)
        implements MembersEvent {
}
