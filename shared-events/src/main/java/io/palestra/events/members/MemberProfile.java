package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The personal part of a member record, as it is now. Published on the compacted {@code palestra.members.profiles}
 * topic, keyed by member id: keep only the latest per member, and drop every copy when a tombstone (null value)
 * arrives for that key.
 *
 * @param organizationId the organisation
 * @param memberId       the member (also the record key)
 * @param siteId         the member's home site
 * @param memberCode     the member's code within the organisation
 * @param firstName      first name
 * @param lastName       last name
 * @param email          e-mail address; null when unknown
 * @param phone          phone number in E.164 form, e.g. {@code +33612345678}; null when unknown
 * @param birthDate      date of birth; null when unknown
 */
@JsonTypeName("palestra.members.MemberProfile.v1")
public record MemberProfile(UUID organizationId, UUID memberId, UUID siteId, String memberCode, String firstName,
                            String lastName, @Nullable String email, @Nullable String phone,
                            @Nullable LocalDate birthDate)
        implements MemberProfiles {
}
