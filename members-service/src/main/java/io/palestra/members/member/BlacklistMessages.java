package io.palestra.members.member;

import io.palestra.platform.personal.DataSubject;
import io.palestra.platform.personal.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Barring a member from booking online during periods (days included, in the booking site's time zone). The reason
 * is for staff only, and personal: it is sealed and never published.
 */
public final class BlacklistMessages {

    private BlacklistMessages() {
    }

    public record BlacklistMember(@TargetAggregateIdentifier UUID memberId, UUID periodId, LocalDate from,
                                  LocalDate until, String reason, String by) {
    }

    public record LiftBlacklistPeriod(@TargetAggregateIdentifier UUID memberId, UUID periodId, String by) {
    }

    public record MemberBlacklisted(@DataSubject UUID memberId, UUID organizationId, UUID periodId, LocalDate from,
                                    LocalDate until, @PersonalData String reason, String by) {
    }

    public record BlacklistPeriodLifted(UUID memberId, UUID organizationId, UUID periodId, String by) {
    }
}
