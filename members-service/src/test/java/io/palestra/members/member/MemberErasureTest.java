package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.AnonymizeMember;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.NoteMessages.AddNote;
import io.palestra.members.member.RecordMessages.ReplaceAddresses;
import io.palestra.members.member.RecordMessages.UpdateMember;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MemberErasureTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();

    private AggregateTestFixture<Member> fixture;
    private final RecordingSubjectKeys keys = new RecordingSubjectKeys();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(keys);
    }

    @Test
    void erasesTheMemberAndDestroysItsKeyWhenTheConfirmationRepeatsItsCode() {
        fixture.given(registered())
                .when(new AnonymizeMember(MEMBER, "000042", "manager"))
                .expectEvents(new MemberAnonymized(MEMBER, ORGANIZATION, "manager"));
        assertThat(keys.destroyed()).containsExactly(MEMBER);
    }

    @Test
    void refusesAConfirmationThatIsNotTheMembersCode() {
        fixture.given(registered())
                .when(new AnonymizeMember(MEMBER, "000043", "manager"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        assertThat(keys.destroyed()).isEmpty();
    }

    @Test
    void anAnonymizedRecordChangesNoMore() {
        fixture.given(registered(), new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new UpdateMember(MEMBER, null, Change.to("Back"), null, null, null, null, null, null, null))
                .expectException(RuleViolationException.class);
        fixture.given(registered(), new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new ReplaceAddresses(MEMBER, List.of(), null))
                .expectException(RuleViolationException.class);
        fixture.given(registered(), new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new AddNote(MEMBER, UUID.randomUUID(), "still here?", "alice"))
                .expectException(RuleViolationException.class);
        fixture.given(registered(), new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new AnonymizeMember(MEMBER, "000042", "manager"))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aRecordWhoseKeyIsGoneStillLoads() {
        MemberRegistered unreadable = new MemberRegistered(MEMBER, ORGANIZATION, UUID.randomUUID(), "000042", null,
                null, null, null, null, Gender.FEMALE, "FR", Instant.parse("2026-01-05T10:00:00Z"));
        fixture.given(unreadable, new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new AddNote(MEMBER, UUID.randomUUID(), "x", "alice"))
                .expectException(RuleViolationException.class);
    }

    private static MemberRegistered registered() {
        return new MemberRegistered(MEMBER, ORGANIZATION, UUID.randomUUID(), "000042", "Hélène", "Lefèvre",
                "helene@example.org", "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR",
                Instant.parse("2026-01-05T10:00:00Z"));
    }
}
