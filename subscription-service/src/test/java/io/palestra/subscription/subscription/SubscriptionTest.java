package io.palestra.subscription.subscription;

import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.subscription.FixtureEvents;
import io.palestra.subscription.FixtureResources;
import io.palestra.subscription.catalog.Activation;
import io.palestra.subscription.catalog.BillingPeriod;
import io.palestra.subscription.catalog.Catalog;
import io.palestra.platform.money.Money;
import io.palestra.subscription.catalog.PlanKind;
import io.palestra.subscription.catalog.PlanTerms;
import io.palestra.subscription.subscription.SubscriptionMessages.CancelNow;
import io.palestra.subscription.subscription.SubscriptionMessages.CatchUp;
import io.palestra.subscription.subscription.SubscriptionMessages.ChangePlan;
import io.palestra.subscription.subscription.SubscriptionMessages.GiveBackMembershipUse;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentFellDue;
import io.palestra.subscription.subscription.SubscriptionMessages.PauseShortened;
import io.palestra.subscription.subscription.SubscriptionMessages.RecordInstallmentPaid;
import io.palestra.subscription.subscription.SubscriptionMessages.RecordPaymentFailed;
import io.palestra.subscription.subscription.SubscriptionMessages.RequestCancellation;
import io.palestra.subscription.subscription.SubscriptionMessages.Resume;
import io.palestra.subscription.subscription.SubscriptionMessages.SchedulePause;
import io.palestra.subscription.subscription.SubscriptionMessages.SetPaymentMethod;
import io.palestra.subscription.subscription.SubscriptionMessages.StatusChanged;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribe;
import io.palestra.subscription.subscription.SubscriptionMessages.SubscriptionEnded;
import io.palestra.subscription.subscription.SubscriptionMessages.UseAnswer;
import io.palestra.subscription.subscription.SubscriptionMessages.UseMembership;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of a subscription, each status transition at its boundary (one nanosecond before: nothing; at: the
 * change), in Europe/Paris where a day's start moves with daylight saving time.
 */
class SubscriptionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID SUBSCRIPTION = UUID.randomUUID();
    private static final UUID MONTHLY = UUID.randomUUID();
    private static final UUID PREMIUM = UUID.randomUUID();
    private static final UUID YEARLY = UUID.randomUUID();
    private static final PaymentMethod MANDATE = new PaymentMethod("direct-debit", "MANDATE-1");

    private final Map<UUID, Catalog.Offer> offers = new HashMap<>();
    private final FixtureResources.RecordedWakeups recorded = new FixtureResources.RecordedWakeups();
    private final Map<UUID, Instant> wakeups = recorded.times();
    private AggregateTestFixture<Subscription> fixture;

    @BeforeEach
    void setUp() {
        offers.put(MONTHLY, membership(MONTHLY, "Yoga illimité", "39.90", BillingPeriod.MONTHLY, null, null));
        offers.put(PREMIUM, membership(PREMIUM, "Premium", "59.90", BillingPeriod.MONTHLY, null, null));
        offers.put(YEARLY, membership(YEARLY, "Annuel", "399.00", BillingPeriod.YEARLY, null, null));
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource((Catalog) (organization, plan) ->
                ORGANIZATION.equals(organization) ? Optional.ofNullable(offers.get(plan)) : Optional.empty());
        fixture.registerInjectableResource(FixtureResources.organizations(PARIS, LYON));
        fixture.registerInjectableResource(recorded);
    }

    @Test
    void anUpcomingSubscriptionBecomesActiveAtTheStartOfItsFirstDayInTheSitesTimeZone() {
        List<Object> sold = events(subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 1, 10)));
        assertThat(statuses(sold)).containsExactly(SubscriptionStatus.UPCOMING);
        assertThat(wakeups.get(SUBSCRIPTION)).isEqualTo(Instant.parse("2027-01-31T23:00:00Z"));

        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 1, 10));
        assertThat(events(new CatchUp(SUBSCRIPTION, Instant.parse("2027-01-31T22:59:59.999999999Z")), subscribe))
                .noneMatch(event -> event instanceof StatusChanged || event instanceof InstallmentFellDue);

        List<Object> started = events(new CatchUp(SUBSCRIPTION, Instant.parse("2027-01-31T23:00:00Z")), subscribe);
        assertThat(installments(started)).extracting(InstallmentFellDue::number).containsExactly(0);
        assertThat(statuses(started)).containsExactly(SubscriptionStatus.ACTIVE_RECURRING);
    }

    @Test
    void installmentsFallDueAtTheStartOfTheirDayAcrossDaylightSavingTime() {
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        events(subscribe);
        assertThat(wakeups.get(SUBSCRIPTION)).isEqualTo(Instant.parse("2027-02-28T23:00:00Z"));

        // Winter time: 1 March begins at 23:00 UTC; summer time (from 28 March): 1 April begins at 22:00 UTC.
        assertThat(installments(events(new CatchUp(SUBSCRIPTION, Instant.parse("2027-03-31T21:59:59Z")),
                subscribe))).extracting(InstallmentFellDue::number).containsExactly(1);
        assertThat(wakeups.get(SUBSCRIPTION)).isEqualTo(Instant.parse("2027-03-31T22:00:00Z"));
        assertThat(installments(events(new CatchUp(SUBSCRIPTION, Instant.parse("2027-03-31T22:00:00Z")),
                subscribe))).extracting(InstallmentFellDue::number).containsExactly(1, 2);
    }

    @Test
    void aPastStartMakesEveryInstallmentAlreadyDueFallDueAtOnceWithItsLines() {
        offers.put(MONTHLY, membership(MONTHLY, "Yoga illimité", "40.00", BillingPeriod.MONTHLY, 12,
                new Money(new BigDecimal("30.00"), "EUR")));
        Subscribe subscribe = new Subscribe(SUBSCRIPTION, ORGANIZATION, MEMBER, LYON, MONTHLY, "student",
                LocalDate.of(2027, 1, 1), null, null, new SpecialOffer(new BigDecimal("25"), null, 2), MANDATE,
                paris(2027, 3, 15));

        List<InstallmentFellDue> due = installments(events(subscribe));

        assertThat(due).extracting(InstallmentFellDue::dueOn).containsExactly(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 1));
        // student price 32.00, 25 % off the first two, joining fee with the first
        assertThat(due).extracting(installment -> installment.amount().amount()).containsExactly(
                new BigDecimal("54.00"), new BigDecimal("24.00"), new BigDecimal("32.00"));
        assertThat(due.get(0).lines()).extracting(SubscriptionMessages.InstallmentLine::kind)
                .containsExactly("membership", "discount", "joining-fee");
    }

    @Test
    void aFixedTermIsActiveWithAnEndDateThenExpiresAfterItsLastDay() {
        Subscribe subscribe = new Subscribe(SUBSCRIPTION, ORGANIZATION, MEMBER, LYON, MONTHLY, null,
                LocalDate.of(2027, 2, 1), 3, null, null, MANDATE, paris(2027, 2, 1));
        assertThat(statuses(events(subscribe))).containsExactly(SubscriptionStatus.ACTIVE_WITH_END_DATE);

        // last day 30 April; 1 May begins at 22:00 UTC on 30 April (summer time)
        List<Object> before = events(new CatchUp(SUBSCRIPTION, Instant.parse("2027-04-30T21:59:59.999Z")), subscribe);
        assertThat(statuses(before)).isEmpty();
        assertThat(installments(before)).hasSize(2);
        List<Object> after = events(new CatchUp(SUBSCRIPTION, Instant.parse("2027-04-30T22:00:00Z")), subscribe);
        assertThat(statuses(after)).containsExactly(SubscriptionStatus.EXPIRED);
        assertThat(after).filteredOn(SubscriptionEnded.class::isInstance).singleElement()
                .extracting(event -> ((SubscriptionEnded) event).lastDay()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(wakeups).doesNotContainKey(SUBSCRIPTION);
    }

    @Test
    void aPauseIsUpcomingThenRunsThenEndsAndPostponesWhatWasNotYetBilled() {
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        SchedulePause pause = new SchedulePause(SUBSCRIPTION, LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 24),
                "injury", paris(2027, 3, 2), null);
        assertThat(statuses(events(pause, subscribe))).containsExactly(SubscriptionStatus.PAUSE_UPCOMING);
        assertThat(wakeups.get(SUBSCRIPTION)).isEqualTo(Instant.parse("2027-03-09T23:00:00Z"));

        assertThat(statuses(events(new CatchUp(SUBSCRIPTION, Instant.parse("2027-03-09T23:00:00Z")), subscribe,
                pause))).containsExactly(SubscriptionStatus.PAUSED);
        List<Object> resumed = events(new CatchUp(SUBSCRIPTION, Instant.parse("2027-03-23T23:00:00Z")), subscribe,
                pause, new CatchUp(SUBSCRIPTION, Instant.parse("2027-03-09T23:00:00Z")));
        assertThat(statuses(resumed)).containsExactly(SubscriptionStatus.ACTIVE_RECURRING);
        // April's installment moves by the 14 paused days
        assertThat(wakeups.get(SUBSCRIPTION)).isEqualTo(paris(2027, 4, 15));
    }

    @Test
    void aRunningPauseEndsEarlyAndAPauseIsRefusedWhenItCannotBe() {
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        SchedulePause pause = new SchedulePause(SUBSCRIPTION, null, LocalDate.of(2027, 3, 1), null,
                paris(2027, 2, 10), null);

        List<Object> resumed = events(new Resume(SUBSCRIPTION, null, paris(2027, 2, 15)), subscribe, pause);
        assertThat(resumed).filteredOn(PauseShortened.class::isInstance).hasSize(1);
        assertThat(statuses(resumed)).containsExactly(SubscriptionStatus.ACTIVE_RECURRING);

        fixture.givenCommands(subscribe, pause)
                .when(new SchedulePause(SUBSCRIPTION, null, LocalDate.of(2027, 4, 1), null, paris(2027, 2, 11),
                        null))
                .expectException(RuleViolationException.class).expectExceptionMessage(
                        "A pause is already planned or running; resume it or wait for its end.");
        fixture.givenCommands(subscribe)
                .when(new SchedulePause(SUBSCRIPTION, LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 4), null,
                        paris(2027, 2, 10), null))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aCancellationWithinTheCommitmentEndsWithIt() {
        offers.put(MONTHLY, membership(MONTHLY, "Yoga 12 mois", "39.90", BillingPeriod.MONTHLY, 12, null));
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        RequestCancellation request = new RequestCancellation(SUBSCRIPTION, "moving", paris(2027, 3, 15));

        List<Object> requested = events(request, subscribe);
        assertThat(statuses(requested)).containsExactly(SubscriptionStatus.CANCELLATION_REQUESTED);

        // The last installment (1 January 2028) falls due: nothing more to bill before the last day, 31 January.
        assertThat(statuses(events(new CatchUp(SUBSCRIPTION, paris(2028, 1, 1).minusNanos(1)), subscribe, request)))
                .isEmpty();
        assertThat(statuses(events(new CatchUp(SUBSCRIPTION, paris(2028, 1, 1)), subscribe, request)))
                .containsExactly(SubscriptionStatus.CANCELLATION_UPCOMING);
        assertThat(statuses(events(new CatchUp(SUBSCRIPTION, paris(2028, 2, 1)), subscribe, request)))
                .containsExactly(SubscriptionStatus.CANCELLATION_UPCOMING, SubscriptionStatus.CANCELLED);
    }

    @Test
    void withoutCommitmentACancellationEndsWithTheCurrentPeriod() {
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        RequestCancellation request = new RequestCancellation(SUBSCRIPTION, null, paris(2027, 3, 15));

        assertThat(statuses(events(request, subscribe))).containsExactly(SubscriptionStatus.CANCELLATION_UPCOMING);
        List<Object> ended = events(new CatchUp(SUBSCRIPTION, paris(2027, 4, 1)), subscribe, request);
        assertThat(installments(ended)).isEmpty();
        assertThat(statuses(ended)).containsExactly(SubscriptionStatus.CANCELLED);
    }

    @Test
    void aManagerCancelsAtOnceAndNothingChangesItAfterwards() {
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        CancelNow cancel = new CancelNow(SUBSCRIPTION, "fraud", paris(2027, 2, 20));

        assertThat(statuses(events(cancel, subscribe))).containsExactly(SubscriptionStatus.CANCELLED);
        assertThat(wakeups).doesNotContainKey(SUBSCRIPTION);
        fixture.givenCommands(subscribe, cancel)
                .when(new SchedulePause(SUBSCRIPTION, null, LocalDate.of(2027, 3, 1), null, paris(2027, 2, 21), null))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aMissingMandateOrAFailedPaymentNeedsAttentionUntilMended() {
        Subscribe withoutMandate = subscribe(LocalDate.of(2027, 2, 1), null, new PaymentMethod("direct-debit", null),
                paris(2027, 2, 1));
        assertThat(events(withoutMandate)).filteredOn(StatusChanged.class::isInstance).singleElement()
                .extracting(event -> ((StatusChanged) event).reason()).isEqualTo("mandate-missing");
        assertThat(statuses(events(new SetPaymentMethod(SUBSCRIPTION, MANDATE, paris(2027, 2, 2)), withoutMandate)))
                .containsExactly(SubscriptionStatus.ACTIVE_RECURRING);

        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        RecordPaymentFailed failed = new RecordPaymentFailed(SUBSCRIPTION, 0, UUID.randomUUID(),
                "insufficient-funds", paris(2027, 2, 2));
        assertThat(statuses(events(failed, subscribe))).containsExactly(SubscriptionStatus.NEEDS_ATTENTION);
        assertThat(statuses(events(new RecordInstallmentPaid(SUBSCRIPTION, 0, UUID.randomUUID(), paris(2027, 2, 5)),
                subscribe, failed))).containsExactly(SubscriptionStatus.ACTIVE_RECURRING);
        // an outcome for an installment that never fell due changes nothing
        assertThat(events(new RecordPaymentFailed(SUBSCRIPTION, 7, UUID.randomUUID(), "x", paris(2027, 2, 5)),
                subscribe)).isEmpty();
    }

    @Test
    void aPlanChangeAppliesFromTheNextPeriodAndKeepsTheBillingPeriod() {
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        ChangePlan change = new ChangePlan(SUBSCRIPTION, PREMIUM, null, paris(2027, 2, 10));

        List<Object> next = events(new CatchUp(SUBSCRIPTION, paris(2027, 3, 1)), subscribe, change);
        assertThat(installments(next)).singleElement().satisfies(installment -> {
            assertThat(installment.planId()).isEqualTo(PREMIUM);
            assertThat(installment.amount().amount()).isEqualByComparingTo("59.90");
        });
        fixture.givenCommands(subscribe).when(new ChangePlan(SUBSCRIPTION, YEARLY, null, paris(2027, 2, 10)))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aPriceChangeForExistingSubscribersAppliesFromTheNextInstallment() {
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        SubscriptionMessages.Reprice reprice = new SubscriptionMessages.Reprice(SUBSCRIPTION, MONTHLY,
                new Money(new BigDecimal("44.90"), "EUR"), Map.of(), paris(2027, 2, 10));

        assertThat(events(reprice, subscribe)).filteredOn(SubscriptionMessages.SubscriptionRepriced.class::isInstance)
                .hasSize(1);
        assertThat(installments(events(new CatchUp(SUBSCRIPTION, paris(2027, 3, 1)), subscribe, reprice)))
                .extracting(installment -> installment.amount().amount()).containsExactly(new BigDecimal("44.90"));
        // another plan's change, or the same price again, changes nothing
        assertThat(events(new SubscriptionMessages.Reprice(SUBSCRIPTION, PREMIUM, new Money(new BigDecimal("1"),
                "EUR"), Map.of(), paris(2027, 2, 11)), subscribe, reprice)).isEmpty();
        assertThat(events(reprice, subscribe, reprice)).isEmpty();
    }

    @Test
    void aMembershipPaysForCoveredSessionsOncePerBookingWithinItsWeeklyLimit() {
        offers.put(MONTHLY, new Catalog.Offer(MONTHLY, ORGANIZATION, PlanKind.MEMBERSHIP, "published",
                new PlanTerms("2 cours par semaine", null, new Money(new BigDecimal("29.00"), "EUR"),
                        new BigDecimal("20.0"), null, List.of(LYON), List.of("yoga"), BillingPeriod.MONTHLY, null,
                        null, 2, null, null, null, null, null, false)));
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UseMembership useFirst = use(first, "yoga", "2027-02-08T18:00:00Z");
        UseMembership useSecond = use(second, "yoga", "2027-02-10T18:00:00Z");

        answer(use(UUID.randomUUID(), "boxing", "2027-02-08T18:00:00Z"), new UseAnswer(false, "not-covered"),
                subscribe);
        answer(use(UUID.randomUUID(), "yoga", "2027-01-31T18:00:00Z"), new UseAnswer(false, "not-covered"),
                subscribe);
        answer(useFirst, new UseAnswer(true, null), subscribe);
        answer(useFirst, new UseAnswer(true, null), subscribe, useFirst);
        fixture.givenCommands(subscribe, useFirst).when(useFirst).expectNoEvents();
        answer(use(UUID.randomUUID(), "yoga", "2027-02-14T18:00:00Z"), new UseAnswer(false, "weekly-limit-reached"),
                subscribe, useFirst, useSecond);
        answer(use(UUID.randomUUID(), "yoga", "2027-02-14T18:00:00Z"), new UseAnswer(true, null), subscribe,
                useFirst, useSecond, new GiveBackMembershipUse(SUBSCRIPTION, second, paris(2027, 2, 9)));
        // the next week starts on Monday
        answer(use(UUID.randomUUID(), "yoga", "2027-02-15T08:00:00Z"), new UseAnswer(true, null), subscribe,
                useFirst, useSecond);
    }

    @Test
    void aPausedDayIsNotCovered() {
        Subscribe subscribe = subscribe(LocalDate.of(2027, 2, 1), null, MANDATE, paris(2027, 2, 1));
        SchedulePause pause = new SchedulePause(SUBSCRIPTION, LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 20),
                null, paris(2027, 2, 2), null);

        answer(use(UUID.randomUUID(), "yoga", "2027-02-12T18:00:00Z"), new UseAnswer(false, "not-covered"),
                subscribe, pause);
        answer(use(UUID.randomUUID(), "yoga", "2027-02-20T18:00:00Z"), new UseAnswer(true, null), subscribe, pause);
    }

    @Test
    void onlyAPublishedMembershipOfTheOrganisationIsSubscribed() {
        offers.put(MONTHLY, new Catalog.Offer(MONTHLY, ORGANIZATION, PlanKind.CLASS_PACK, "published",
                new PlanTerms("Carte 10", null, new Money(new BigDecimal("100"), "EUR"), new BigDecimal("20.0"),
                        null, null, null, null, null, null, null, null, 10, 90, null, Activation.SALE, false)));
        fixture.givenNoPriorActivity().when(subscribe(null, null, MANDATE, paris(2027, 2, 1)))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new Subscribe(SUBSCRIPTION, ORGANIZATION, MEMBER, LYON, PREMIUM,
                        "senior", null, null, null, null, MANDATE, paris(2027, 2, 1)))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new Subscribe(SUBSCRIPTION, ORGANIZATION, MEMBER, UUID.randomUUID(),
                        PREMIUM, null, null, null, null, null, MANDATE, paris(2027, 2, 1)))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    // Helpers

    private Subscribe subscribe(LocalDate startsOn, Integer months, PaymentMethod method, Instant at) {
        return new Subscribe(SUBSCRIPTION, ORGANIZATION, MEMBER, LYON, MONTHLY, null, startsOn, months, null, null,
                method, at);
    }

    private static UseMembership use(UUID booking, String activity, String startsAt) {
        return new UseMembership(SUBSCRIPTION, booking, LYON, activity, Instant.parse(startsAt),
                Instant.parse(startsAt).minusSeconds(86_400));
    }

    private void answer(UseMembership command, UseAnswer expected, Object... history) {
        fixture.givenCommands(history).when(command).expectSuccessfulHandlerExecution().expectResultMessagePayload(
                expected);
    }

    private List<Object> events(Object command, Object... history) {
        return FixtureEvents.events(fixture, command, history);
    }

    private static List<SubscriptionStatus> statuses(List<Object> events) {
        return events.stream().filter(StatusChanged.class::isInstance).map(event -> ((StatusChanged) event).status())
                .toList();
    }

    private static List<InstallmentFellDue> installments(List<Object> events) {
        return events.stream().filter(InstallmentFellDue.class::isInstance).map(InstallmentFellDue.class::cast)
                .toList();
    }

    private static Instant paris(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(PARIS).toInstant();
    }

    private static Catalog.Offer membership(UUID id, String name, String price, BillingPeriod period,
                                            Integer commitment, Money joiningFee) {
        return new Catalog.Offer(id, ORGANIZATION, PlanKind.MEMBERSHIP, "published", new PlanTerms(name, null,
                new Money(new BigDecimal(price), "EUR"), new BigDecimal("20.0"),
                Map.of("student", new Money(new BigDecimal(price).multiply(new BigDecimal("0.8")), "EUR")),
                null, null, period, commitment, null, null, joiningFee, null, null, null, null, false));
    }
}
