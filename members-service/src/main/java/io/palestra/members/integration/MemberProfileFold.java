package io.palestra.members.integration;

import io.palestra.events.PostalAddress;
import io.palestra.events.members.MemberProfile;
import io.palestra.members.member.MemberAddress;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.RecordMessages.FrontDeskInstructionsChanged;
import io.palestra.members.member.RecordMessages.MedicalCertificateRecorded;
import io.palestra.members.member.RecordMessages.MedicalCertificateRemoved;
import io.palestra.members.member.RecordMessages.MemberAddressesReplaced;
import io.palestra.members.member.RecordMessages.MemberContactsChanged;
import io.palestra.members.member.RecordMessages.MemberIdentityChanged;
import io.palestra.members.member.TransferMessages.MemberTransferred;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The personal part of a member record, folded from the member's events: what {@code MemberProfile} publishes.
 * A compacted topic keeps only the latest record per member, so each one carries the whole profile.
 */
final class MemberProfileFold {

    private UUID organizationId;
    private UUID memberId;
    private UUID siteId;
    private String memberCode;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private LocalDate birthDate;
    private String language;
    private List<PostalAddress> addresses;
    private String welcomeMessage;
    private String alert;
    private LocalDate medicalCertificateValidUntil;

    /** Whether an event of this type changes the published profile. */
    static boolean changesProfile(Object event) {
        return event instanceof MemberRegistered || event instanceof MemberIdentityChanged
                || event instanceof MemberContactsChanged || event instanceof MemberAddressesReplaced
                || event instanceof FrontDeskInstructionsChanged || event instanceof MedicalCertificateRecorded
                || event instanceof MedicalCertificateRemoved || event instanceof MemberTransferred;
    }

    void apply(Object event) {
        if (event instanceof MemberRegistered registered) {
            organizationId = registered.organizationId();
            memberId = registered.memberId();
            siteId = registered.siteId();
            memberCode = registered.memberCode();
            firstName = registered.firstName();
            lastName = registered.lastName();
            email = registered.email();
            phone = registered.phone();
            birthDate = registered.birthDate();
        } else if (event instanceof MemberIdentityChanged identity) {
            firstName = identity.firstName();
            lastName = identity.lastName();
            birthDate = identity.birthDate();
            language = identity.language();
        } else if (event instanceof MemberContactsChanged contacts) {
            email = contacts.email();
            phone = contacts.phone();
        } else if (event instanceof MemberAddressesReplaced replaced) {
            addresses = replaced.addresses() == null ? null
                    : replaced.addresses().stream().map(MemberProfileFold::postal).toList();
        } else if (event instanceof FrontDeskInstructionsChanged frontDesk) {
            welcomeMessage = frontDesk.welcomeMessage();
            alert = frontDesk.alert();
        } else if (event instanceof MedicalCertificateRecorded certificate) {
            medicalCertificateValidUntil = certificate.validUntil();
        } else if (event instanceof MedicalCertificateRemoved) {
            medicalCertificateValidUntil = null;
        } else if (event instanceof MemberTransferred transferred) {
            siteId = transferred.toSiteId();
        }
    }

    /** Whether the member's personal data can no longer be read (its key was destroyed). */
    boolean erased() {
        return firstName == null || lastName == null;
    }

    MemberProfile profile() {
        return new MemberProfile(organizationId, memberId, siteId, memberCode, firstName, lastName, email, phone,
                birthDate, language, addresses, welcomeMessage, alert, medicalCertificateValidUntil);
    }

    private static PostalAddress postal(MemberAddress address) {
        return new PostalAddress(address.line1(), address.line2(), address.postalCode(), address.city(),
                address.region(), address.country());
    }
}
