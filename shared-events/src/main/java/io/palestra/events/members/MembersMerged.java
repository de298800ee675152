package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * Two records of one person became one: staff kept {@code survivorId}, and {@code duplicateId} is now a redirect to
 * it. Re-point whatever you hold under the duplicate (bookings, subscriptions, invoices, history) to the survivor;
 * the duplicate's profile is tombstoned on the profiles topic. Keyed by the duplicate, so it comes after every earlier
 * event of the duplicate.
 *
 * @param organizationId      the organisation
 * @param survivorId          the record that stays
 * @param duplicateId         the record merged into it (also the record key)
 * @param duplicateMemberCode the duplicate's member code, for people who knew it
 * @param mergedAt            when
 */
@JsonTypeName("palestra.members.MembersMerged.v1")
public record MembersMerged(UUID organizationId, UUID survivorId, UUID duplicateId, String duplicateMemberCode,
                            Instant mergedAt) implements MembersEvent {
}
