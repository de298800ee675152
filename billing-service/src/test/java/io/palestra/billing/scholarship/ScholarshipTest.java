package io.palestra.billing.scholarship;

import io.palestra.billing.scholarship.ScholarshipMessages.GrantScholarship;
import io.palestra.billing.scholarship.ScholarshipMessages.ReleaseScholarshipUse;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipGranted;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipUseReleased;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipUsed;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipWithdrawn;
import io.palestra.billing.scholarship.ScholarshipMessages.UseScholarship;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

/** Financial aid: never more than granted nor than the eligible purchases, only within its dates, given back once. */
class ScholarshipTest {

    private static final UUID ID = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID ANNE = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID USE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    private static final LocalDate AUGUST_31 = LocalDate.parse("2027-08-31");
    private static final ScholarshipGranted GRANTED = new ScholarshipGranted(ID, ORGANIZATION, ANNE, "person",
            "Pass'Sport", eur("50.00"), TODAY, AUGUST_31, Set.of("class-pack"), "bob", NOW);

    private AggregateTestFixture<Scholarship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Scholarship.class);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static UseScholarship use(String amount, String eligible, LocalDate today) {
        return new UseScholarship(ID, USE, INVOICE, eur(amount), eur(eligible), today, "alice", NOW);
    }

    @Test
    void aGrantNeedsAScopeAnAmountAndDatesInOrder() {
        fixture.givenNoPriorActivity().when(new GrantScholarship(ID, ORGANIZATION, ANNE, "person", "Pass'Sport",
                eur("50.00"), TODAY, AUGUST_31, Set.of("class-pack"), "bob", NOW)).expectEvents(GRANTED);
        fixture.givenNoPriorActivity().when(new GrantScholarship(ID, ORGANIZATION, ANNE, "family", "x",
                eur("50.00"), TODAY, null, Set.of(), "bob", NOW)).expectException(InvalidInputException.class);
        fixture.givenNoPriorActivity().when(new GrantScholarship(ID, ORGANIZATION, ANNE, "person", "x",
                eur("50.00"), TODAY, TODAY.minusDays(1), Set.of(), "bob", NOW))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aUseTakesFromWhatIsLeftOnceAndNeverMoreThanLeftOrEligible() {
        fixture.given(GRANTED).when(use("30.00", "120.00", TODAY))
                .expectEvents(new ScholarshipUsed(ID, USE, INVOICE, eur("30.00"), eur("20.00"), "alice", NOW));
        fixture.given(GRANTED, new ScholarshipUsed(ID, USE, INVOICE, eur("30.00"), eur("20.00"), "alice", NOW))
                .when(use("30.00", "120.00", TODAY)).expectNoEvents();
        fixture.given(GRANTED).when(use("50.01", "120.00", TODAY)).expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("50.00")).expectNoEvents();
        fixture.given(GRANTED).when(use("30.00", "20.00", TODAY)).expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("20.00")).expectNoEvents();
        fixture.given(GRANTED).when(use("10.00", "0.00", TODAY)).expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("eligible")).expectNoEvents();
    }

    @Test
    void itIsUsedOnlyWithinItsDatesAndUntilWithdrawn() {
        fixture.given(GRANTED).when(use("10.00", "120.00", TODAY.minusDays(1)))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("starts on"))
                .expectNoEvents();
        fixture.given(GRANTED).when(use("10.00", "120.00", AUGUST_31.plusDays(1)))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("ended on"))
                .expectNoEvents();
        fixture.given(GRANTED, new ScholarshipWithdrawn(ID, eur("50.00"), "fin", "bob", NOW))
                .when(use("10.00", "120.00", TODAY)).expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("withdrawn")).expectNoEvents();
        fixture.given(GRANTED).when(use("-10.00", "120.00", TODAY)).expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(GRANTED).when(new UseScholarship(ID, USE, INVOICE, new Money(new BigDecimal("10.00"), "USD"),
                eur("120.00"), TODAY, "alice", NOW)).expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void aReleasedUseIsGivenBackOnce() {
        ScholarshipUsed used = new ScholarshipUsed(ID, USE, INVOICE, eur("30.00"), eur("20.00"), "alice", NOW);
        ScholarshipUseReleased released = new ScholarshipUseReleased(ID, USE, eur("30.00"), eur("50.00"), "annulé",
                "bob", NOW);
        fixture.given(GRANTED, used).when(new ReleaseScholarshipUse(ID, USE, "annulé", "bob", NOW))
                .expectEvents(released);
        fixture.given(GRANTED, used, released).when(new ReleaseScholarshipUse(ID, USE, "annulé", "bob", NOW))
                .expectNoEvents();
        fixture.given(GRANTED).when(new ReleaseScholarshipUse(ID, UUID.randomUUID(), "?", "bob", NOW))
                .expectNoEvents();
    }
}
