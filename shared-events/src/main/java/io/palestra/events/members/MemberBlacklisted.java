package io.palestra.events.members;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff barred a member from booking online during a period (booking at the desk stays possible). Dates are days in
 * the time zone of the site the booking is for, both included. booking-service refuses online bookings inside any
 * period that has not been lifted, and only there.
 *
 * @param organizationId the organisation
 * @param memberId       the member (also the record key)
 * @param periodId       the period, as {@link MemberBlacklistLifted} names it
 * @param from           first day barred
 * @param until          last day barred; null when open-ended
 */
@JsonTypeName("palestra.members.MemberBlacklisted.v1")
public record MemberBlacklisted(UUID organizationId, UUID memberId, UUID periodId, LocalDate from,
                                @Nullable LocalDate until) implements MembersEvent {
}
