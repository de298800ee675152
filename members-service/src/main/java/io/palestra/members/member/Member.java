package io.palestra.members.member;

import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MemberMessages.RegisterMember;
import io.palestra.members.member.RecordMessages.ChangeFrontDeskInstructions;
import io.palestra.members.member.RecordMessages.EmergencyContactsReplaced;
import io.palestra.members.member.RecordMessages.FrontDeskInstructionsChanged;
import io.palestra.members.member.RecordMessages.MedicalCertificateRecorded;
import io.palestra.members.member.RecordMessages.MedicalCertificateRemoved;
import io.palestra.members.member.RecordMessages.MemberAddressesReplaced;
import io.palestra.members.member.RecordMessages.MemberContactsChanged;
import io.palestra.members.member.RecordMessages.MemberIdentityChanged;
import io.palestra.members.member.RecordMessages.RecordMedicalCertificate;
import io.palestra.members.member.RecordMessages.RemoveMedicalCertificate;
import io.palestra.members.member.RecordMessages.ReplaceAddresses;
import io.palestra.members.member.RecordMessages.ReplaceEmergencyContacts;
import io.palestra.members.member.RecordMessages.UpdateMember;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The record of one member of an organisation. Registration itself is decided by {@link MemberRegistration}; a
 * change that changes nothing records nothing.
 */
@Aggregate
public class Member {

    @AggregateIdentifier
    private UUID memberId;
    private UUID organizationId;
    private Identity identity;
    private Contacts contacts;
    private List<MemberAddress> addresses = List.of();
    private List<EmergencyContact> emergencyContacts = List.of();
    private FrontDeskInstructionsChanged frontDesk;
    private LocalDate medicalCertificate;
    @AggregateMember
    private final NoteBook notes = new NoteBook();

    protected Member() {
    }

    Member(RegisterMember command, String memberCode) {
        apply(new MemberRegistered(command.memberId(), command.organizationId(), command.siteId(), memberCode,
                command.firstName().strip(), command.lastName().strip(), command.email(), command.phone(),
                command.birthDate(), command.gender(), command.country(), command.registeredAt()));
    }

    @CommandHandler
    void handle(UpdateMember command) {
        Identity nextIdentity = identity.changedBy(command);
        Contacts nextContacts = contacts.changedBy(command);
        if (!nextIdentity.equals(identity)) {
            apply(new MemberIdentityChanged(memberId, organizationId, nextIdentity.firstName(),
                    nextIdentity.lastName(), nextIdentity.birthDate(), nextIdentity.gender(), nextIdentity.country(),
                    nextIdentity.language()));
        }
        if (!nextContacts.equals(contacts)) {
            apply(new MemberContactsChanged(memberId, organizationId, nextContacts.email(), nextContacts.phone()));
        }
    }

    @CommandHandler
    void handle(ReplaceAddresses command) {
        if (!command.addresses().equals(addresses)) {
            apply(new MemberAddressesReplaced(memberId, organizationId, List.copyOf(command.addresses())));
        }
    }

    @CommandHandler
    void handle(ReplaceEmergencyContacts command) {
        if (!command.contacts().equals(emergencyContacts)) {
            apply(new EmergencyContactsReplaced(memberId, organizationId, List.copyOf(command.contacts())));
        }
    }

    @CommandHandler
    void handle(ChangeFrontDeskInstructions command) {
        FrontDeskInstructionsChanged next = new FrontDeskInstructionsChanged(memberId, organizationId,
                command.welcomeMessage(), command.alert());
        if (!next.equals(frontDesk)) {
            apply(next);
        }
    }

    @CommandHandler
    void handle(RecordMedicalCertificate command) {
        if (!command.validUntil().equals(medicalCertificate)) {
            apply(new MedicalCertificateRecorded(memberId, organizationId, command.validUntil()));
        }
    }

    @CommandHandler
    void handle(RemoveMedicalCertificate command) {
        if (medicalCertificate != null) {
            apply(new MedicalCertificateRemoved(memberId, organizationId));
        }
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        organizationId = event.organizationId();
        identity = new Identity(event.firstName(), event.lastName(), event.birthDate(), event.gender(),
                event.country(), null);
        contacts = new Contacts(event.email(), event.phone());
        frontDesk = new FrontDeskInstructionsChanged(memberId, organizationId, null, null);
        notes.belongTo(memberId, organizationId);
    }

    @EventSourcingHandler
    void on(MemberIdentityChanged event) {
        identity = new Identity(event.firstName(), event.lastName(), event.birthDate(), event.gender(),
                event.country(), event.language());
    }

    @EventSourcingHandler
    void on(MemberContactsChanged event) {
        contacts = new Contacts(event.email(), event.phone());
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
        frontDesk = event;
    }

    @EventSourcingHandler
    void on(MedicalCertificateRecorded event) {
        medicalCertificate = event.validUntil();
    }

    @EventSourcingHandler
    void on(MedicalCertificateRemoved event) {
        medicalCertificate = null;
    }
}
