package io.palestra.subscription.pass;

import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.subscription.FixtureEvents;
import io.palestra.subscription.FixtureResources;
import io.palestra.subscription.catalog.Activation;
import io.palestra.subscription.catalog.Catalog;
import io.palestra.platform.money.Money;
import io.palestra.subscription.catalog.PlanKind;
import io.palestra.subscription.catalog.PlanTerms;
import io.palestra.subscription.pass.PassMessages.AdjustCredits;
import io.palestra.subscription.pass.PassMessages.CancelPass;
import io.palestra.subscription.pass.PassMessages.RevokeSale;
import io.palestra.subscription.pass.PassMessages.CatchUpPass;
import io.palestra.subscription.pass.PassMessages.ConsumeAnswer;
import io.palestra.subscription.pass.PassMessages.ConsumeCredits;
import io.palestra.subscription.pass.PassMessages.CreditsMoved;
import io.palestra.subscription.pass.PassMessages.DeductCredits;
import io.palestra.subscription.pass.PassMessages.ExtendPass;
import io.palestra.subscription.pass.PassMessages.IssuePass;
import io.palestra.subscription.pass.PassMessages.PassActivated;
import io.palestra.subscription.pass.PassMessages.PassEnded;
import io.palestra.subscription.pass.PassMessages.PassIssued;
import io.palestra.subscription.pass.PassMessages.RestoreCredits;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A pass's credit ledger, movement by movement, its activation rules and its expiry at its boundary. */
class PassTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID PASS = UUID.randomUUID();
    private static final UUID PACK = UUID.randomUUID();

    private final FixtureResources.RecordedWakeups recorded = new FixtureResources.RecordedWakeups();
    private final Map<UUID, Instant> wakeups = recorded.times();
    private Catalog.Offer offer;
    private AggregateTestFixture<Pass> fixture;

    @BeforeEach
    void setUp() {
        offer = pack(5, 90, null, Activation.SALE);
        fixture = new AggregateTestFixture<>(Pass.class);
        fixture.registerInjectableResource((Catalog) (organization, plan) ->
                ORGANIZATION.equals(organization) && PACK.equals(plan) ? Optional.of(offer) : Optional.empty());
        fixture.registerInjectableResource(FixtureResources.organizations(PARIS, LYON));
        fixture.registerInjectableResource(recorded);
    }

    @Test
    void aPassSoldIsValidFromTheSaleForItsDaysAndHoldsItsCreditsFromTheSoldAccount() {
        List<Object> issued = events(issue(null, paris(2027, 3, 10)));

        PassIssued pass = (PassIssued) issued.get(0);
        assertThat(pass.validFrom()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(pass.validUntil()).isEqualTo(LocalDate.of(2027, 6, 7));
        assertThat(moves(issued)).singleElement().satisfies(move -> {
            assertThat(move.movement()).isEqualTo("issue");
            assertThat(move.from()).isEqualTo("sold");
            assertThat(move.to()).isEqualTo("pass");
            assertThat(move.balance()).isEqualTo(5);
        });
        // expires when 8 June begins in Paris (summer time: 22:00 UTC the day before)
        assertThat(wakeups.get(PASS)).isEqualTo(Instant.parse("2027-06-07T22:00:00Z"));
    }

    @Test
    void aChosenDatePassNeedsItsDateAndAFirstUsePassActivatesOnItsFirstSession() {
        offer = pack(5, 30, null, Activation.CHOSEN_DATE);
        fixture.givenNoPriorActivity().when(issue(null, paris(2027, 3, 10)))
                .expectException(InvalidInputException.class).expectNoEvents();
        assertThat(((PassIssued) events(issue(LocalDate.of(2027, 4, 1), paris(2027, 3, 10))).get(0)).validUntil())
                .isEqualTo(LocalDate.of(2027, 4, 30));

        offer = pack(5, 30, null, Activation.FIRST_USE);
        IssuePass issue = issue(null, paris(2027, 3, 10));
        assertThat(((PassIssued) events(issue).get(0)).validFrom()).isNull();
        assertThat(wakeups).doesNotContainKey(PASS);
        // booked on the 19th for the 20th: valid from the day of the booking, so an earlier session booked next works
        ConsumeCredits first = consume(UUID.randomUUID(), 1, "2027-03-20T17:00:00Z");
        List<Object> used = events(first, issue);
        assertThat(used).filteredOn(PassActivated.class::isInstance).singleElement().satisfies(activated -> {
            assertThat(((PassActivated) activated).validFrom()).isEqualTo(LocalDate.of(2027, 3, 19));
            assertThat(((PassActivated) activated).validUntil()).isEqualTo(LocalDate.of(2027, 4, 17));
        });
        fixture.givenCommands(issue, first).when(new ConsumeCredits(PASS, UUID.randomUUID(), 1, LYON, "yoga",
                        Instant.parse("2027-03-19T18:00:00Z"), Instant.parse("2027-03-19T12:00:00Z")))
                .expectResultMessagePayload(new ConsumeAnswer(true, null, 3));
        // a deduction at the desk is a first use too
        assertThat(events(new DeductCredits(PASS, 1, "walk-in", null, "desk", paris(2027, 3, 25), null), issue))
                .filteredOn(PassActivated.class::isInstance).hasSize(1);
    }

    @Test
    void aBookingConsumesOnceAndGetsBackExactlyWhatItPaidOnce() {
        IssuePass issue = issue(null, paris(2027, 3, 10));
        UUID booking = UUID.randomUUID();
        ConsumeCredits consume = consume(booking, 2, "2027-03-20T17:00:00Z");

        fixture.givenCommands(issue).when(consume).expectResultMessagePayload(new ConsumeAnswer(true, null, 3));
        fixture.givenCommands(issue, consume).when(consume).expectNoEvents()
                .expectResultMessagePayload(new ConsumeAnswer(true, null, 3));
        RestoreCredits restore = new RestoreCredits(PASS, booking, paris(2027, 3, 19));
        assertThat(moves(events(restore, issue, consume))).singleElement().satisfies(move -> {
            assertThat(move.movement()).isEqualTo("restore");
            assertThat(move.from()).isEqualTo("bookings");
            assertThat(move.credits()).isEqualTo(2);
            assertThat(move.balance()).isEqualTo(5);
        });
        fixture.givenCommands(issue, consume, restore).when(restore).expectNoEvents();
        fixture.givenCommands(issue).when(new RestoreCredits(PASS, UUID.randomUUID(), paris(2027, 3, 19)))
                .expectNoEvents();
    }

    @Test
    void theLastCreditGoesToOneBookingAndOutsideItsCoverThePassDoesNotPay() {
        offer = pack(1, 90, null, Activation.SALE);
        IssuePass issue = issue(null, paris(2027, 3, 10));
        ConsumeCredits first = consume(UUID.randomUUID(), 1, "2027-03-20T17:00:00Z");

        fixture.givenCommands(issue, first).when(consume(UUID.randomUUID(), 1, "2027-03-21T17:00:00Z"))
                .expectNoEvents().expectResultMessagePayload(new ConsumeAnswer(false, "no-credits-left", 0));
        fixture.givenCommands(issue).when(new ConsumeCredits(PASS, UUID.randomUUID(), 1, LYON, "boxing",
                        Instant.parse("2027-03-20T17:00:00Z"), paris(2027, 3, 12)))
                .expectNoEvents().expectResultMessagePayload(new ConsumeAnswer(false, "not-covered", 1));
        fixture.givenCommands(issue).when(consume(UUID.randomUUID(), 1, "2027-06-08T17:00:00Z"))
                .expectNoEvents().expectResultMessagePayload(new ConsumeAnswer(false, "not-covered", 1));
    }

    @Test
    void itExpiresAtTheEndOfItsLastDayAndItsRemainingCreditsWithIt() {
        IssuePass issue = issue(null, paris(2027, 3, 10));
        Instant expiry = Instant.parse("2027-06-07T22:00:00Z");

        fixture.givenCommands(issue).when(new CatchUpPass(PASS, expiry.minusNanos(1))).expectNoEvents();
        List<Object> expired = events(new CatchUpPass(PASS, expiry), issue);
        assertThat(moves(expired)).singleElement().satisfies(move -> {
            assertThat(move.movement()).isEqualTo("expire");
            assertThat(move.to()).isEqualTo("expired");
            assertThat(move.credits()).isEqualTo(5);
            assertThat(move.balance()).isZero();
        });
        assertThat(expired).filteredOn(PassEnded.class::isInstance).singleElement()
                .extracting(ended -> ((PassEnded) ended).reason()).isEqualTo("expired");
        assertThat(wakeups).doesNotContainKey(PASS);
    }

    @Test
    void aDeskDeductsForAnAttendanceAndAManagerAdjustsNeverBelowZero() {
        IssuePass issue = issue(null, paris(2027, 3, 10));
        List<Object> deducted = events(new DeductCredits(PASS, 2, "came without booking", LocalDate.of(2027, 3, 12),
                "desk", paris(2027, 3, 12), null), issue);
        assertThat(moves(deducted)).singleElement().satisfies(move -> {
            assertThat(move.to()).isEqualTo("attendance");
            assertThat(move.balance()).isEqualTo(3);
        });

        assertThat(moves(events(new AdjustCredits(PASS, 2, "goodwill", "manager", paris(2027, 3, 12), null),
                issue))).singleElement().satisfies(move -> {
                    assertThat(move.from()).isEqualTo("adjustments");
                    assertThat(move.balance()).isEqualTo(7);
                });
        assertThat(moves(events(new AdjustCredits(PASS, -5, "sold twice", "manager", paris(2027, 3, 12), null),
                issue))).singleElement().satisfies(move -> assertThat(move.balance()).isZero());
        fixture.givenCommands(issue)
                .when(new AdjustCredits(PASS, -6, "too much", "manager", paris(2027, 3, 12), null))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.givenCommands(issue)
                .when(new DeductCredits(PASS, 6, "too much", null, "desk", paris(2027, 3, 12), null))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.givenCommands(issue).when(new AdjustCredits(PASS, 1, " ", "manager", paris(2027, 3, 12), null))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void aManagerExtendsOrCancelsAndAnEndedPassChangesNoMore() {
        IssuePass issue = issue(null, paris(2027, 3, 10));
        ExtendPass extend = new ExtendPass(PASS, LocalDate.of(2027, 7, 31), "closed for works", "manager",
                paris(2027, 4, 1), null);
        events(extend, issue);
        assertThat(wakeups.get(PASS)).isEqualTo(Instant.parse("2027-07-31T22:00:00Z"));
        fixture.givenCommands(issue).when(new ExtendPass(PASS, LocalDate.of(2027, 6, 1), "shorter", "manager",
                paris(2027, 4, 1), null)).expectException(InvalidInputException.class);

        CancelPass cancel = new CancelPass(PASS, "refunded", "manager", paris(2027, 4, 1), null);
        List<Object> cancelled = events(cancel, issue);
        assertThat(moves(cancelled)).singleElement().satisfies(move -> {
            assertThat(move.to()).isEqualTo("cancelled");
            assertThat(move.credits()).isEqualTo(5);
        });
        assertThat(wakeups).doesNotContainKey(PASS);
        fixture.givenCommands(issue, cancel).when(new DeductCredits(PASS, 1, "late", null, "desk",
                paris(2027, 4, 2), null)).expectException(RuleViolationException.class);
        fixture.givenCommands(issue, cancel).when(consume(UUID.randomUUID(), 1, "2027-04-03T17:00:00Z"))
                .expectResultMessagePayload(new ConsumeAnswer(false, "not-covered", 0));
    }

    @Test
    void aSaleRevokedByACreditNoteCancelsThePassOnceAndLeavesAnEndedPassAsItIs() {
        IssuePass issue = issue(null, paris(2027, 3, 10));
        RevokeSale revoke = new RevokeSale(PASS, "credit note AV-000001: sold by mistake", paris(2027, 3, 12));
        List<Object> revoked = events(revoke, issue);
        assertThat(moves(revoked)).singleElement().satisfies(move -> {
            assertThat(move.to()).isEqualTo("cancelled");
            assertThat(move.credits()).isEqualTo(5);
        });
        assertThat(revoked).last().isInstanceOf(PassEnded.class);
        assertThat(wakeups).doesNotContainKey(PASS);
        fixture.givenCommands(issue, revoke).when(revoke).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.givenCommands(issue, new CancelPass(PASS, "refunded", "manager", paris(2027, 3, 11), null))
                .when(revoke).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void creditsGivenBackToAnEndedPassLeaveAgainForItsEnd() {
        IssuePass issue = issue(null, paris(2027, 3, 10));
        UUID booking = UUID.randomUUID();
        ConsumeCredits consume = consume(booking, 1, "2027-03-20T17:00:00Z");
        CancelPass cancel = new CancelPass(PASS, "refunded", "manager", paris(2027, 3, 19), null);

        List<CreditsMoved> moves = moves(events(new RestoreCredits(PASS, booking, paris(2027, 3, 19)), issue,
                consume, cancel));
        assertThat(moves).extracting(CreditsMoved::movement).containsExactly("restore", "cancel");
        assertThat(moves.get(1).balance()).isZero();
    }

    @Test
    void aPassPastItsLastDayCannotBeExtendedOrUsedBeforeItsWakeUp() {
        IssuePass issue = issue(null, paris(2027, 3, 10));
        fixture.givenCommands(issue).when(new ExtendPass(PASS, LocalDate.of(2027, 9, 1), "late", "manager",
                paris(2027, 6, 9), null)).expectException(RuleViolationException.class)
                .expectExceptionMessage("This pass is expired.");
    }

    @Test
    void issuingRefusesWhatWouldBeIgnoredOrAlreadyOver() {
        fixture.givenNoPriorActivity().when(issue(LocalDate.of(2027, 4, 1), paris(2027, 3, 10)))
                .expectException(InvalidInputException.class).expectNoEvents();
        offer = pack(5, null, LocalDate.of(2027, 3, 1), Activation.SALE);
        fixture.givenNoPriorActivity().when(issue(null, paris(2027, 3, 10)))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void anUnlimitedPassRecordsItsUsesWithoutABalance() {
        offer = pack(null, 30, null, Activation.SALE);
        IssuePass issue = issue(null, paris(2027, 3, 10));
        assertThat(moves(events(issue))).isEmpty();
        fixture.givenCommands(issue).when(consume(UUID.randomUUID(), 1, "2027-03-20T17:00:00Z"))
                .expectResultMessagePayload(new ConsumeAnswer(true, null, null));
    }

    @Test
    void onlyAPublishedPackIsIssued() {
        offer = new Catalog.Offer(PACK, ORGANIZATION, PlanKind.MEMBERSHIP, "published", offer.terms());
        fixture.givenNoPriorActivity().when(issue(null, paris(2027, 3, 10)))
                .expectException(RuleViolationException.class).expectNoEvents();
        offer = new Catalog.Offer(PACK, ORGANIZATION, PlanKind.CLASS_PACK, "retired", offer.terms());
        fixture.givenNoPriorActivity().when(issue(null, paris(2027, 3, 10)))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    private static IssuePass issue(LocalDate validFrom, Instant at) {
        return new IssuePass(PASS, ORGANIZATION, MEMBER, PACK, "F-2027-0042", validFrom, "desk", at);
    }

    private static ConsumeCredits consume(UUID booking, int credits, String sessionStartsAt) {
        return new ConsumeCredits(PASS, booking, credits, LYON, "yoga", Instant.parse(sessionStartsAt),
                Instant.parse(sessionStartsAt).minusSeconds(86_400));
    }

    private static Catalog.Offer pack(Integer credits, Integer days, LocalDate until, Activation activation) {
        return new Catalog.Offer(PACK, ORGANIZATION, PlanKind.CLASS_PACK, "published", new PlanTerms("Carte",
                null, new Money(new BigDecimal("60"), "EUR"), new BigDecimal("20.0"), null, List.of(LYON),
                List.of("yoga", "pilates"), null, null, null, null, null, credits, days, until, activation, false));
    }

    private List<Object> events(Object command, Object... history) {
        return FixtureEvents.events(fixture, command, history);
    }

    private static List<CreditsMoved> moves(List<Object> events) {
        return events.stream().filter(CreditsMoved.class::isInstance).map(CreditsMoved.class::cast).toList();
    }

    private static Instant paris(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(PARIS).toInstant().plusSeconds(36_000);
    }
}
