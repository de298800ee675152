package io.palestra.members.member;

import io.palestra.members.member.BlacklistMessages.BlacklistMember;
import io.palestra.members.member.BlacklistMessages.BlacklistPeriodLifted;
import io.palestra.members.member.BlacklistMessages.LiftBlacklistPeriod;
import io.palestra.members.member.BlacklistMessages.MemberBlacklisted;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.TransferMessages.MemberTransferred;
import io.palestra.members.member.TransferMessages.TransferMember;
import io.palestra.members.organization.Sites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

class MemberBlacklistAndTransferTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID HOME = UUID.randomUUID();
    private static final UUID OTHER_SITE = UUID.randomUUID();
    private static final UUID PERIOD = UUID.randomUUID();
    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        Set<UUID> sitesOfTheOrganization = Set.of(HOME, OTHER_SITE);
        fixture.registerInjectableResource((Sites) (organization, site) ->
                organization.equals(ORGANIZATION) && sitesOfTheOrganization.contains(site));
    }

    @Test
    void blacklistsAMemberForAPeriodWithItsReason() {
        fixture.given(registered())
                .when(new BlacklistMember(MEMBER, PERIOD, FROM, UNTIL, "Three no-shows", "alice"))
                .expectEvents(new MemberBlacklisted(MEMBER, ORGANIZATION, PERIOD, FROM, UNTIL, "Three no-shows",
                        "alice"));
    }

    @Test
    void aPeriodMayHaveNoEndAndMayBeASingleDay() {
        fixture.given(registered())
                .when(new BlacklistMember(MEMBER, PERIOD, FROM, null, null, "alice"))
                .expectEvents(new MemberBlacklisted(MEMBER, ORGANIZATION, PERIOD, FROM, null, null, "alice"));
        fixture.given(registered())
                .when(new BlacklistMember(MEMBER, PERIOD, FROM, FROM, null, "alice"))
                .expectEvents(new MemberBlacklisted(MEMBER, ORGANIZATION, PERIOD, FROM, FROM, null, "alice"));
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        fixture.given(registered())
                .when(new BlacklistMember(MEMBER, PERIOD, UNTIL, FROM, null, "alice"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("A blacklist period cannot end before it starts.")
                .expectNoEvents();
    }

    @Test
    void aMemberMayHaveSeveralPeriodsAndTheSamePeriodIsRecordedOnce() {
        UUID second = UUID.randomUUID();
        fixture.given(registered(), blacklisted())
                .when(new BlacklistMember(MEMBER, second, LocalDate.of(2027, 3, 1), null, null, "bob"))
                .expectEvents(new MemberBlacklisted(MEMBER, ORGANIZATION, second, LocalDate.of(2027, 3, 1), null,
                        null, "bob"));
        fixture.given(registered(), blacklisted())
                .when(new BlacklistMember(MEMBER, PERIOD, FROM, UNTIL, "Three no-shows", "alice"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void liftsAPeriodOnce() {
        fixture.given(registered(), blacklisted())
                .when(new LiftBlacklistPeriod(MEMBER, PERIOD, "bob"))
                .expectEvents(new BlacklistPeriodLifted(MEMBER, ORGANIZATION, PERIOD, "bob"));
        fixture.given(registered(), blacklisted(), new BlacklistPeriodLifted(MEMBER, ORGANIZATION, PERIOD, "bob"))
                .when(new LiftBlacklistPeriod(MEMBER, PERIOD, "bob"))
                .expectException(NotFoundException.class);
    }

    @Test
    void anAnonymizedMemberCannotBeBlacklisted() {
        fixture.given(registered(), new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new BlacklistMember(MEMBER, PERIOD, FROM, UNTIL, null, "alice"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void transfersAMemberToAnotherSiteOfItsOrganization() {
        fixture.given(registered())
                .when(new TransferMember(MEMBER, OTHER_SITE, "manager", null))
                .expectEvents(new MemberTransferred(MEMBER, ORGANIZATION, HOME, OTHER_SITE, "manager"));
    }

    @Test
    void theNextTransferStartsFromTheNewSite() {
        fixture.given(registered(), new MemberTransferred(MEMBER, ORGANIZATION, HOME, OTHER_SITE, "manager"))
                .when(new TransferMember(MEMBER, HOME, "manager", null))
                .expectEvents(new MemberTransferred(MEMBER, ORGANIZATION, OTHER_SITE, HOME, "manager"));
    }

    @Test
    void aTransferToTheHomeSiteRecordsNothing() {
        fixture.given(registered())
                .when(new TransferMember(MEMBER, HOME, "manager", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesASiteOfAnotherOrganization() {
        fixture.given(registered())
                .when(new TransferMember(MEMBER, UUID.randomUUID(), "manager", null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anAnonymizedMemberCannotBeTransferred() {
        fixture.given(registered(), new MemberAnonymized(MEMBER, ORGANIZATION, "manager"))
                .when(new TransferMember(MEMBER, OTHER_SITE, "manager", null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    private static MemberRegistered registered() {
        return new MemberRegistered(MEMBER, ORGANIZATION, HOME, "000001", "Hélène", "Lefèvre",
                "helene@example.org", "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR",
                Instant.parse("2026-01-05T10:00:00Z"));
    }

    private static MemberBlacklisted blacklisted() {
        return new MemberBlacklisted(MEMBER, ORGANIZATION, PERIOD, FROM, UNTIL, "Three no-shows", "alice");
    }
}
