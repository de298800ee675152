package io.palestra.members.member;

import io.palestra.platform.personal.DataSubject;
import io.palestra.platform.personal.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Commands and events of the member aggregate. */
public final class MemberMessages {

    private MemberMessages() {
    }

    /**
     * Registers a person as a member at a site. Contact details arrive normalised: e-mail trimmed, phone in E.164.
     */
    public record RegisterMember(@TargetAggregateIdentifier UUID memberId, UUID organizationId, UUID siteId,
                                 String firstName, String lastName, String email, String phone,
                                 LocalDate birthDate, Gender gender, String country, Instant registeredAt) {
    }

    public record MemberRegistered(@DataSubject UUID memberId, UUID organizationId, UUID siteId, String memberCode,
                                   @PersonalData String firstName, @PersonalData String lastName,
                                   @PersonalData String email, @PersonalData String phone,
                                   @PersonalData LocalDate birthDate, Gender gender, String country,
                                   Instant registeredAt) {
    }
}
