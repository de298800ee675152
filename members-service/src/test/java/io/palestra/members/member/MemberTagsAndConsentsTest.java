package io.palestra.members.member;

import io.palestra.members.member.ConsentMessages.ConsentDecision;
import io.palestra.members.member.ConsentMessages.ConsentRecorded;
import io.palestra.members.member.ConsentMessages.ConsentTopic;
import io.palestra.members.member.ConsentMessages.RecordConsents;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.TagMessages.MemberTagged;
import io.palestra.members.member.TagMessages.MemberUntagged;
import io.palestra.members.member.TagMessages.TagMember;
import io.palestra.members.member.TagMessages.UntagMember;
import io.palestra.members.settings.Catalog;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberTagsAndConsentsTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID YOGA = UUID.randomUUID();
    private static final UUID NEWSLETTER = UUID.randomUUID();
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(new Catalog() {
            @Override
            public boolean hasTag(UUID organizationId, UUID tagId) {
                return organizationId.equals(ORGANIZATION) && tagId.equals(YOGA);
            }

            @Override
            public boolean offersPreference(UUID organizationId, UUID preferenceId) {
                return organizationId.equals(ORGANIZATION) && preferenceId.equals(NEWSLETTER);
            }
        });
    }

    @Test
    void filesAMemberUnderATagOnce() {
        fixture.given(registered())
                .when(new TagMember(MEMBER, YOGA))
                .expectEvents(new MemberTagged(MEMBER, ORGANIZATION, YOGA));
        fixture.given(registered(), new MemberTagged(MEMBER, ORGANIZATION, YOGA))
                .when(new TagMember(MEMBER, YOGA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesATagTheOrganisationDoesNotHave() {
        fixture.given(registered())
                .when(new TagMember(MEMBER, UUID.randomUUID()))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void takesATagOffOnlyWhenTheMemberHasIt() {
        fixture.given(registered(), new MemberTagged(MEMBER, ORGANIZATION, YOGA))
                .when(new UntagMember(MEMBER, YOGA, TagMessages.UNASSIGNED))
                .expectEvents(new MemberUntagged(MEMBER, ORGANIZATION, YOGA, TagMessages.UNASSIGNED));
        fixture.given(registered())
                .when(new UntagMember(MEMBER, YOGA, TagMessages.UNASSIGNED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeletedTagComesOffEvenAnErasedMember() {
        fixture.given(registered(), new MemberTagged(MEMBER, ORGANIZATION, YOGA), anonymized())
                .when(new UntagMember(MEMBER, YOGA, TagMessages.TAG_DELETED))
                .expectEvents(new MemberUntagged(MEMBER, ORGANIZATION, YOGA, TagMessages.TAG_DELETED));
        fixture.given(registered(), new MemberTagged(MEMBER, ORGANIZATION, YOGA), anonymized())
                .when(new UntagMember(MEMBER, YOGA, TagMessages.UNASSIGNED))
                .expectException(RuleViolationException.class);
    }

    @Test
    void recordsTheDecisionsOfAFormTogether() {
        fixture.given(registered())
                .when(new RecordConsents(MEMBER, List.of(
                        new ConsentDecision(ConsentTopic.of(Channel.EMAIL), true, "paper-form", MONDAY),
                        new ConsentDecision(ConsentTopic.of(NEWSLETTER), true, "paper-form", MONDAY))))
                .expectEvents(
                        new ConsentRecorded(MEMBER, ORGANIZATION, Channel.EMAIL, null, true, "paper-form", MONDAY),
                        new ConsentRecorded(MEMBER, ORGANIZATION, null, NEWSLETTER, true, "paper-form", MONDAY));
    }

    @Test
    void refusesTheWholeFormWhenAPreferenceIsNotOffered() {
        fixture.given(registered())
                .when(new RecordConsents(MEMBER, List.of(
                        new ConsentDecision(ConsentTopic.of(Channel.SMS), true, "front-desk", MONDAY),
                        new ConsentDecision(ConsentTopic.of(UUID.randomUUID()), true, "front-desk", MONDAY))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anErasedMemberRecordsNoConsent() {
        fixture.given(registered(), anonymized())
                .when(new RecordConsents(MEMBER, List.of(
                        new ConsentDecision(ConsentTopic.of(Channel.SMS), true, "front-desk", MONDAY))))
                .expectException(RuleViolationException.class);
    }

    @Test
    void theMostRecentlyExpressedDecisionIsInForce() {
        Consents consents = new Consents();
        consents.on(new ConsentRecorded(MEMBER, ORGANIZATION, Channel.SMS, null, false, "app", TUESDAY));
        consents.on(new ConsentRecorded(MEMBER, ORGANIZATION, Channel.SMS, null, true, "paper-form", MONDAY));
        consents.on(new ConsentRecorded(MEMBER, ORGANIZATION, Channel.POST, null, true, "paper-form", MONDAY));

        assertThat(consents.decisions().get(ConsentTopic.of(Channel.SMS)).granted()).isFalse();
        assertThat(consents.decisions().get(ConsentTopic.of(Channel.POST)).granted()).isTrue();
        assertThat(consents.decisions()).containsOnlyKeys(Set.of(ConsentTopic.of(Channel.SMS),
                ConsentTopic.of(Channel.POST)));
    }

    @Test
    void aTopicIsAChannelOrAPreferenceNeverBoth() {
        assertThat(ConsentTopic.of(Channel.EMAIL).key()).isEqualTo("channel:email");
        assertThat(ConsentTopic.of(NEWSLETTER).key()).isEqualTo("preference:" + NEWSLETTER);
        assertThatThrownBy(() -> new ConsentTopic(Channel.EMAIL, NEWSLETTER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsentTopic(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MemberRegistered registered() {
        return new MemberRegistered(MEMBER, ORGANIZATION, UUID.randomUUID(), "000001", "Hélène", "Lefèvre",
                "helene@example.org", "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR",
                Instant.parse("2026-01-05T10:00:00Z"));
    }

    private static MemberAnonymized anonymized() {
        return new MemberAnonymized(MEMBER, ORGANIZATION, "manager");
    }
}
