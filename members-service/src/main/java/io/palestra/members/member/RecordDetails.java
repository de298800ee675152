package io.palestra.members.member;

import io.palestra.members.member.RecordMessages.ChangeFrontDeskInstructions;
import io.palestra.members.member.RecordMessages.EmergencyContactsReplaced;
import io.palestra.members.member.RecordMessages.FrontDeskInstructionsChanged;
import io.palestra.members.member.RecordMessages.MedicalCertificateRecorded;
import io.palestra.members.member.RecordMessages.MedicalCertificateRemoved;
import io.palestra.members.member.RecordMessages.MemberAddressesReplaced;
import io.palestra.members.member.RecordMessages.RecordMedicalCertificate;
import io.palestra.members.member.RecordMessages.RemoveMedicalCertificate;
import io.palestra.members.member.RecordMessages.ReplaceAddresses;
import io.palestra.members.member.RecordMessages.ReplaceEmergencyContacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The rest of a member record: addresses, emergency contacts, front-desk instructions and the medical certificate.
 * A change to what is already there records nothing.
 */
class RecordDetails extends MemberPart {

    private List<MemberAddress> addresses = List.of();
    private List<EmergencyContact> emergencyContacts = List.of();
    private String welcomeMessage;
    private String alert;
    private LocalDate medicalCertificate;

    @CommandHandler
    void handle(ReplaceAddresses command) {
        requireActive();
        if (!command.addresses().equals(addresses)) {
            apply(new MemberAddressesReplaced(memberId, organizationId, List.copyOf(command.addresses())));
        }
    }

    @CommandHandler
    void handle(ReplaceEmergencyContacts command) {
        requireActive();
        if (!command.contacts().equals(emergencyContacts)) {
            apply(new EmergencyContactsReplaced(memberId, organizationId, List.copyOf(command.contacts())));
        }
    }

    @CommandHandler
    void handle(ChangeFrontDeskInstructions command) {
        requireActive();
        if (!Objects.equals(command.welcomeMessage(), welcomeMessage) || !Objects.equals(command.alert(), alert)) {
            apply(new FrontDeskInstructionsChanged(memberId, organizationId, command.welcomeMessage(),
                    command.alert()));
        }
    }

    @CommandHandler
    void handle(RecordMedicalCertificate command) {
        requireActive();
        if (!command.validUntil().equals(medicalCertificate)) {
            apply(new MedicalCertificateRecorded(memberId, organizationId, command.validUntil()));
        }
    }

    @CommandHandler
    void handle(RemoveMedicalCertificate command) {
        requireActive();
        if (medicalCertificate != null) {
            apply(new MedicalCertificateRemoved(memberId, organizationId));
        }
    }

    List<MemberAddress> addresses() {
        return addresses;
    }

    List<EmergencyContact> emergencyContacts() {
        return emergencyContacts;
    }

    LocalDate medicalCertificate() {
        return medicalCertificate;
    }

    /** Takes the duplicate's addresses, emergency contacts and medical certificate where this member has none. */
    void absorbMissing(List<MemberAddress> theirAddresses, List<EmergencyContact> theirContacts,
                       LocalDate theirCertificate) {
        if (addresses.isEmpty() && !theirAddresses.isEmpty()) {
            apply(new MemberAddressesReplaced(memberId, organizationId, List.copyOf(theirAddresses)));
        }
        if (emergencyContacts.isEmpty() && !theirContacts.isEmpty()) {
            apply(new EmergencyContactsReplaced(memberId, organizationId, List.copyOf(theirContacts)));
        }
        if (medicalCertificate == null && theirCertificate != null) {
            apply(new MedicalCertificateRecorded(memberId, organizationId, theirCertificate));
        }
    }

    @EventSourcingHandler
    void on(MemberAddressesReplaced event) {
        addresses = Objects.requireNonNullElse(event.addresses(), List.of());
    }

    @EventSourcingHandler
    void on(EmergencyContactsReplaced event) {
        emergencyContacts = Objects.requireNonNullElse(event.contacts(), List.of());
    }

    @EventSourcingHandler
    void on(FrontDeskInstructionsChanged event) {
        welcomeMessage = event.welcomeMessage();
        alert = event.alert();
    }

    @EventSourcingHandler
    void on(MedicalCertificateRecorded event) {
        medicalCertificate = event.validUntil();
    }

    @EventSourcingHandler
    void on(MedicalCertificateRemoved event) {
        medicalCertificate = null;
    }

    @Override
    protected void forget() {
        addresses = List.of();
        emergencyContacts = List.of();
        welcomeMessage = null;
        alert = null;
        medicalCertificate = null;
    }
}
