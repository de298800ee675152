package io.palestra.platform.personal;

import io.palestra.platform.security.Caller;

import java.util.UUID;

/**
 * One part of what a service holds about a member, for the member's access request (GDPR article 15). Every bean of
 * this type adds its {@link #section()} to the service's {@code GET /api/v1/personal-data/members/{memberId}}; the
 * gateway gathers those answers of every service into one document. A service without any answers no sections.
 *
 * <p>A contributor answers everything the service holds about the member in the caller's organisation, including
 * internal notes and erased values (as {@code null}); an empty list or object when it holds nothing. Only the service
 * that owns the member record throws {@link io.palestra.platform.errors.NotFoundException} for a member the caller
 * may not see: the others cannot know whether a member exists.
 */
public interface PersonalDataContributor {

    /** The section's name in the export, unique within the service, e.g. {@code notes}. */
    String section();

    /**
     * What the service holds about {@code memberId}, as the caller's organisation; written as JSON.
     *
     * @param caller an owner or manager of the organisation (the endpoint checks the role)
     */
    Object export(Caller caller, UUID memberId);
}
