package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.AnonymizeMember;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MergeMessages.MemberMergedInto;
import io.palestra.members.member.MergeMessages.MembersMerged;
import io.palestra.members.member.NoteMessages.AddNote;
import io.palestra.members.member.NoteMessages.DeleteNote;
import io.palestra.members.member.PhotoMessages.ChangePhoto;
import io.palestra.members.member.RecordMessages.UpdateMember;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a merge leaves on each side: the duplicate refuses every change; the survivor answers for both. */
class MemberMergeTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();

    private AggregateTestFixture<Member> fixture;
    private final RecordingSubjectKeys keys = new RecordingSubjectKeys();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(keys);
    }

    @Test
    void aRecordMergedIntoAnotherRefusesEveryChangeNamingTheSurvivor() {
        Object[] merged = {registered(), new MemberMergedInto(MEMBER, ORGANIZATION, OTHER, "manager")};

        fixture.given(merged)
                .when(new UpdateMember(MEMBER, Change.to("Other"), null, null, null, null, null, null, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("This record was merged into member " + OTHER + ": change that one.")
                .expectNoEvents();
        fixture.given(merged)
                .when(new AddNote(MEMBER, UUID.randomUUID(), "late", "alice"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(merged)
                .when(new ChangePhoto(MEMBER, UUID.randomUUID()))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(merged)
                .when(new AnonymizeMember(MEMBER, "000042", "manager"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        assertThat(keys.destroyed()).as("a merged record is erased through its survivor").isEmpty();
    }

    @Test
    void theSurvivorEditsTheNotesItTookOver() {
        UUID note = UUID.randomUUID();

        fixture.given(registered(), new MembersMerged(MEMBER, ORGANIZATION, OTHER, "000043", List.of(note), List.of(),
                        "manager"))
                .when(new DeleteNote(MEMBER, note, "alice"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NoteMessages.NoteDeleted(MEMBER, ORGANIZATION, note, "alice"));
    }

    @Test
    void erasingTheSurvivorDestroysTheKeysOfTheRecordsMergedIntoIt() {
        UUID earlier = UUID.randomUUID();

        fixture.given(registered(),
                        new MembersMerged(MEMBER, ORGANIZATION, OTHER, "000043", List.of(), List.of(), "manager"),
                        new MembersMerged(MEMBER, ORGANIZATION, earlier, "000044", List.of(), List.of(), "manager"))
                .when(new AnonymizeMember(MEMBER, "000042", "manager"))
                .expectEvents(new MemberAnonymized(MEMBER, ORGANIZATION, "manager"));

        assertThat(keys.destroyed()).containsExactlyInAnyOrder(MEMBER, OTHER, earlier);
    }

    private static MemberRegistered registered() {
        return new MemberRegistered(MEMBER, ORGANIZATION, UUID.randomUUID(), "000042", "Hélène", "Lefèvre", null, null,
                null, Gender.FEMALE, "FR", Instant.parse("2026-11-24T09:00:00Z"));
    }
}
