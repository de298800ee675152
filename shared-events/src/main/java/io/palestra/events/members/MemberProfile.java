package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.PostalAddress;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The personal part of a member record, as it is now. Published on the compacted {@code palestra.members.profiles}
 * topic, keyed by member id, whenever any of it changes: keep only the latest per member, and drop every copy when a
 * tombstone (null value) arrives for that key.
 *
 * @param organizationId               the organisation
 * @param memberId                     the member (also the record key)
 * @param siteId                       the member's home site
 * @param memberCode                   the member's code within the organisation
 * @param firstName                    first name
 * @param lastName                     last name
 * @param email                        e-mail address
 * @param phone                        phone number in E.164 form, e.g. {@code +33612345678}
 * @param birthDate                    date of birth
 * @param language                     BCP 47 language the member is spoken to in, e.g. {@code fr}
 * @param addresses                    postal addresses, the first one the main one (invoices)
 * @param welcomeMessage               what the front desk shows when the member checks in
 * @param alert                        a warning for the front desk at check-in, e.g. "ask for the missing mandate"
 * @param medicalCertificateValidUntil last day the member's medical certificate is valid
 */
@JsonTypeName("palestra.members.MemberProfile.v1")
public record MemberProfile(UUID organizationId, UUID memberId, UUID siteId, String memberCode,
                            String firstName, String lastName, @Nullable String email,
                            @Nullable String phone, @Nullable LocalDate birthDate, @Nullable String language,
                            @Nullable List<PostalAddress> addresses, @Nullable String welcomeMessage,
                            @Nullable String alert, @Nullable LocalDate medicalCertificateValidUntil)
        implements MemberProfiles {
}
