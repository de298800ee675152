package io.palestra.members.member;

import io.palestra.platform.personal.DataSubject;
import io.palestra.platform.personal.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Commands and events that keep a member record up to date. Each event carries the whole of what it is about (the
 * full identity, all addresses...), so that history shows old and new side by side and any reader can rebuild the
 * record from events alone.
 */
public final class RecordMessages {

    private RecordMessages() {
    }

    /** Changes any of the identity and contact fields; a null {@link Change} leaves a field as it is. */
    public record UpdateMember(@TargetAggregateIdentifier UUID memberId, Change<String> firstName,
                               Change<String> lastName, Change<LocalDate> birthDate, Change<Gender> gender,
                               Change<String> country, Change<String> language, Change<String> email,
                               Change<String> phone, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReplaceAddresses(@TargetAggregateIdentifier UUID memberId, List<MemberAddress> addresses,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReplaceEmergencyContacts(@TargetAggregateIdentifier UUID memberId, List<EmergencyContact> contacts,
                                           @TargetAggregateVersion Long expectedVersion) {
    }

    /** What the front desk sees at check-in: a welcome message and an alert, each null when there is none. */
    public record ChangeFrontDeskInstructions(@TargetAggregateIdentifier UUID memberId, String welcomeMessage,
                                              String alert, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordMedicalCertificate(@TargetAggregateIdentifier UUID memberId, LocalDate validUntil,
                                           @TargetAggregateVersion Long expectedVersion) {
    }

    public record RemoveMedicalCertificate(@TargetAggregateIdentifier UUID memberId,
                                           @TargetAggregateVersion Long expectedVersion) {
    }

    public record MemberIdentityChanged(@DataSubject UUID memberId, UUID organizationId,
                                        @PersonalData String firstName, @PersonalData String lastName,
                                        @PersonalData LocalDate birthDate, Gender gender, String country,
                                        String language) {
    }

    public record MemberContactsChanged(@DataSubject UUID memberId, UUID organizationId, @PersonalData String email,
                                        @PersonalData String phone) {
    }

    public record MemberAddressesReplaced(@DataSubject UUID memberId, UUID organizationId,
                                          @PersonalData List<MemberAddress> addresses) {
    }

    public record EmergencyContactsReplaced(@DataSubject UUID memberId, UUID organizationId,
                                            @PersonalData List<EmergencyContact> contacts) {
    }

    public record FrontDeskInstructionsChanged(@DataSubject UUID memberId, UUID organizationId,
                                               @PersonalData String welcomeMessage, @PersonalData String alert) {
    }

    /** The certificate's validity is health data: sealed like the rest of the record. */
    public record MedicalCertificateRecorded(@DataSubject UUID memberId, UUID organizationId,
                                             @PersonalData LocalDate validUntil) {
    }

    public record MedicalCertificateRemoved(UUID memberId, UUID organizationId) {
    }
}
