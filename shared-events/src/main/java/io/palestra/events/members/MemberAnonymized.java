package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's personal data was erased at their request (GDPR). Every service scrubs what it holds about the member;
 * business facts (bookings, invoices, counts) stay, tied to the member id. Irreversible.
 *
 * @param organizationId the organisation
 * @param memberId       the member (also the record key)
 * @param anonymizedAt   when the data was erased
 */
@JsonTypeName("palestra.members.MemberAnonymized.v1")
public record MemberAnonymized(UUID organizationId, UUID memberId, Instant anonymizedAt) implements MembersEvent {
}
