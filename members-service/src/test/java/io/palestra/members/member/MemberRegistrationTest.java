package io.palestra.members.member;

import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MemberMessages.RegisterMember;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

class MemberRegistrationTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID SITE = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private AggregateTestFixture<Member> fixture;
    private final Map<UUID, Long> counters = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        MemberCodes codes = (organization, member) ->
                String.format("%06d", counters.merge(organization, 1L, Long::sum));
        fixture.registerAnnotatedCommandHandler(new MemberRegistration(fixture.getRepository(),
                (organization, site) -> organization.equals(ORGANIZATION) && site.equals(SITE), codes));
    }

    @Test
    void registersTheMemberWithTheOrganisationsNextCode() {
        counters.put(ORGANIZATION, 41L);

        fixture.givenNoPriorActivity()
                .when(register(ORGANIZATION, SITE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("000042")
                .expectEvents(new MemberRegistered(MEMBER, ORGANIZATION, SITE, "000042", "Hélène", "Lefèvre",
                        "helene@example.org", "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR", NOW));
    }

    @Test
    void refusesASiteThatIsNotTheOrganisations() {
        fixture.givenNoPriorActivity()
                .when(register(ORGANIZATION, UUID.randomUUID()))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void refusesASiteOfAnotherOrganisation() {
        fixture.givenNoPriorActivity()
                .when(register(UUID.randomUUID(), SITE))
                .expectException(RuleViolationException.class);
    }

    private static RegisterMember register(UUID organization, UUID site) {
        return new RegisterMember(MEMBER, organization, site, " Hélène ", "Lefèvre ", "helene@example.org",
                "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR", NOW);
    }
}
