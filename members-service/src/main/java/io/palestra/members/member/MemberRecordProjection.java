package io.palestra.members.member;

import io.palestra.members.member.PhotoMessages.MemberPhotoChanged;
import io.palestra.members.member.PhotoMessages.MemberPhotoRemoved;
import io.palestra.members.member.RecordMessages.EmergencyContactsReplaced;
import io.palestra.members.member.RecordMessages.FrontDeskInstructionsChanged;
import io.palestra.members.member.RecordMessages.MedicalCertificateRecorded;
import io.palestra.members.member.RecordMessages.MedicalCertificateRemoved;
import io.palestra.members.member.RecordMessages.MemberAddressesReplaced;
import io.palestra.members.member.RecordMessages.MemberContactsChanged;
import io.palestra.members.member.RecordMessages.MemberIdentityChanged;
import io.palestra.members.member.TransferMessages.MemberTransferred;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Keeps the member directory's rows up to date with every change of a record. */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class MemberRecordProjection {

    private final JdbcClient jdbc;
    private final MemberViewUpdates rows;

    MemberRecordProjection(JdbcClient jdbc, MemberViewUpdates rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(MemberIdentityChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, """
                        first_name = ?, last_name = ?, birth_date = ?, gender = ?, country = ?, language = ?""",
                event.firstName(), event.lastName(), event.birthDate(), event.gender().value(), event.country(),
                event.language());
        refreshSearch(event.memberId());
    }

    @EventHandler
    void on(MemberContactsChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "email = ?, phone = ?", event.email(), event.phone());
        refreshSearch(event.memberId());
    }

    @EventHandler
    void on(MemberAddressesReplaced event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "addresses = ?::jsonb", MemberRows.json(event.addresses()));
    }

    @EventHandler
    void on(EmergencyContactsReplaced event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "emergency_contacts = ?::jsonb",
                MemberRows.json(event.contacts()));
    }

    @EventHandler
    void on(FrontDeskInstructionsChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "welcome_message = ?, alert = ?", event.welcomeMessage(),
                event.alert());
    }

    @EventHandler
    void on(MedicalCertificateRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "medical_certificate_valid_until = ?", event.validUntil());
    }

    @EventHandler
    void on(MedicalCertificateRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "medical_certificate_valid_until = NULL");
    }

    @EventHandler
    void on(MemberPhotoChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "photo_id = ?", event.photoId());
    }

    @EventHandler
    void on(MemberPhotoRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "photo_id = NULL");
    }

    @EventHandler
    void on(MemberTransferred event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "site_id = ?", event.toSiteId());
    }

    private void refreshSearch(UUID member) {
        jdbc.sql("SELECT first_name, last_name, email, phone, member_code FROM member_view WHERE member_id = ?")
                .param(member)
                .query((row, number) -> new String[]{row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)})
                .optional()
                .ifPresent(fields -> jdbc.sql("UPDATE member_view SET search_text = ?, sort_key = ? WHERE member_id = ?")
                        .params(SearchText.of(fields[0], fields[1], fields[2], fields[3], fields[4]),
                                SearchText.sortKey(fields[0], fields[1]), member)
                        .update());
    }
}
