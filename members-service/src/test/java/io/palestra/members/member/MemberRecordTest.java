package io.palestra.members.member;

import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.NoteMessages.AddNote;
import io.palestra.members.member.NoteMessages.DeleteNote;
import io.palestra.members.member.NoteMessages.EditNote;
import io.palestra.members.member.NoteMessages.NoteAdded;
import io.palestra.members.member.NoteMessages.NoteDeleted;
import io.palestra.members.member.NoteMessages.NoteEdited;
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
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

class MemberRecordTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID NOTE = UUID.randomUUID();
    private static final MemberAddress HOME = new MemberAddress("home", "1 rue X", null, "69003", "Lyon", null, "FR");

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Test
    void changingTheNameRecordsTheWholeNewIdentity() {
        fixture.given(registered())
                .when(update(Change.to("Lefebvre"), null, null))
                .expectEvents(new MemberIdentityChanged(MEMBER, ORGANIZATION, "Hélène", "Lefebvre",
                        LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR", null));
    }

    @Test
    void changingTheEmailRecordsTheContactsOnly() {
        fixture.given(registered())
                .when(update(null, Change.to("new@example.org"), null))
                .expectEvents(new MemberContactsChanged(MEMBER, ORGANIZATION, "new@example.org", "+33612345678"));
    }

    @Test
    void clearingThePhoneKeepsTheEmail() {
        fixture.given(registered())
                .when(update(null, null, Change.to(null)))
                .expectEvents(new MemberContactsChanged(MEMBER, ORGANIZATION, "helene@example.org", null));
    }

    @Test
    void aChangeToWhatIsAlreadyThereRecordsNothing() {
        fixture.given(registered())
                .when(update(Change.to("Lefèvre"), Change.to("helene@example.org"), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberKeepsItsNames() {
        fixture.given(registered())
                .when(update(Change.to(null), null, null))
                .expectException(RuleViolationException.class);
    }

    @Test
    void replacesTheAddressesUnlessTheyAreTheSame() {
        fixture.given(registered())
                .when(new ReplaceAddresses(MEMBER, List.of(HOME), null))
                .expectEvents(new MemberAddressesReplaced(MEMBER, ORGANIZATION, List.of(HOME)));
        fixture.given(registered(), new MemberAddressesReplaced(MEMBER, ORGANIZATION, List.of(HOME)))
                .when(new ReplaceAddresses(MEMBER, List.of(HOME), null))
                .expectNoEvents();
    }

    @Test
    void replacesTheEmergencyContacts() {
        List<EmergencyContact> contacts = List.of(new EmergencyContact("Paul", "brother", "+33600000000"));
        fixture.given(registered())
                .when(new ReplaceEmergencyContacts(MEMBER, contacts, null))
                .expectEvents(new EmergencyContactsReplaced(MEMBER, ORGANIZATION, contacts));
    }

    @Test
    void setsAndClearsTheFrontDeskInstructions() {
        fixture.given(registered())
                .when(new ChangeFrontDeskInstructions(MEMBER, "Happy birthday!", "Mandate missing", null))
                .expectEvents(new FrontDeskInstructionsChanged(MEMBER, ORGANIZATION, "Happy birthday!",
                        "Mandate missing"));
        fixture.given(registered(), new FrontDeskInstructionsChanged(MEMBER, ORGANIZATION, "Hi", "Mandate missing"))
                .when(new ChangeFrontDeskInstructions(MEMBER, "Hi", null, null))
                .expectEvents(new FrontDeskInstructionsChanged(MEMBER, ORGANIZATION, "Hi", null));
    }

    @Test
    void recordsAndRemovesTheMedicalCertificate() {
        LocalDate until = LocalDate.of(2027, 9, 30);
        fixture.given(registered())
                .when(new RecordMedicalCertificate(MEMBER, until, null))
                .expectEvents(new MedicalCertificateRecorded(MEMBER, ORGANIZATION, until));
        fixture.given(registered(), new MedicalCertificateRecorded(MEMBER, ORGANIZATION, until))
                .when(new RemoveMedicalCertificate(MEMBER, null))
                .expectEvents(new MedicalCertificateRemoved(MEMBER, ORGANIZATION));
    }

    @Test
    void removingAMissingCertificateRecordsNothing() {
        fixture.given(registered())
                .when(new RemoveMedicalCertificate(MEMBER, null))
                .expectNoEvents();
    }

    @Test
    void addsEditsAndDeletesANote() {
        fixture.given(registered())
                .when(new AddNote(MEMBER, NOTE, " Prefers morning classes ", "alice"))
                .expectEvents(new NoteAdded(MEMBER, ORGANIZATION, NOTE, "Prefers morning classes", "alice"));
        fixture.given(registered(), noteAdded())
                .when(new EditNote(MEMBER, NOTE, "Prefers evening classes", "bob"))
                .expectEvents(new NoteEdited(MEMBER, ORGANIZATION, NOTE, "Prefers evening classes", "bob"));
        fixture.given(registered(), noteAdded())
                .when(new DeleteNote(MEMBER, NOTE, "bob"))
                .expectEvents(new NoteDeleted(MEMBER, ORGANIZATION, NOTE, "bob"));
    }

    @Test
    void refusesToEditOrDeleteANoteThatIsGone() {
        fixture.given(registered(), noteAdded(), new NoteDeleted(MEMBER, ORGANIZATION, NOTE, "bob"))
                .when(new EditNote(MEMBER, NOTE, "Too late", "carol"))
                .expectException(NotFoundException.class);
        fixture.given(registered())
                .when(new DeleteNote(MEMBER, NOTE, "carol"))
                .expectException(NotFoundException.class);
    }

    @Test
    void addingTheSameNoteTwiceRecordsItOnce() {
        fixture.given(registered(), noteAdded())
                .when(new AddNote(MEMBER, NOTE, "Prefers morning classes", "alice"))
                .expectNoEvents();
    }

    private static MemberRegistered registered() {
        return new MemberRegistered(MEMBER, ORGANIZATION, UUID.randomUUID(), "000001", "Hélène", "Lefèvre",
                "helene@example.org", "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR",
                Instant.parse("2026-01-05T10:00:00Z"));
    }

    private static NoteAdded noteAdded() {
        return new NoteAdded(MEMBER, ORGANIZATION, NOTE, "Prefers morning classes", "alice");
    }

    private static UpdateMember update(Change<String> lastName, Change<String> email, Change<String> phone) {
        return new UpdateMember(MEMBER, null, lastName, null, null, null, null, email, phone, null);
    }
}
