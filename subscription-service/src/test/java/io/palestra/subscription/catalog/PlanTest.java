package io.palestra.subscription.catalog;

import io.palestra.platform.money.Money;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.subscription.catalog.PlanMessages.ChangePlanPrice;
import io.palestra.subscription.catalog.PlanMessages.DefinePlan;
import io.palestra.subscription.catalog.PlanMessages.PlanDefined;
import io.palestra.subscription.catalog.PlanMessages.PlanPriceChanged;
import io.palestra.subscription.catalog.PlanMessages.PlanPublished;
import io.palestra.subscription.catalog.PlanMessages.PlanRetired;
import io.palestra.subscription.catalog.PlanMessages.PlanRevised;
import io.palestra.subscription.catalog.PlanMessages.PublishPlan;
import io.palestra.subscription.catalog.PlanMessages.RetirePlan;
import io.palestra.subscription.catalog.PlanMessages.RevisePlan;
import io.palestra.platform.organization.Organizations;
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
import java.util.Set;
import java.util.UUID;

/** The rules of an offer: what a membership and a pack need, in which currency, and its life from draft to retired. */
class PlanTest {

    private static final UUID PLAN = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(new Organizations() {
            @Override
            public Optional<String> currency(UUID organizationId) {
                return ORGANIZATION.equals(organizationId) ? Optional.of("EUR") : Optional.empty();
            }

            @Override
            public Set<UUID> sites(UUID organizationId) {
                return ORGANIZATION.equals(organizationId) ? Set.of(LYON) : Set.of();
            }

            @Override
            public ZoneId zone(UUID organizationId, UUID siteId) {
                return ZoneId.of("Europe/Paris");
            }
        });
    }

    @Test
    void aDraftIsDefinedWithItsAmountsInTheCurrencysDecimals() {
        PlanTerms terms = pack(new Money(new BigDecimal("150"), "EUR"), 10);

        fixture.givenNoPriorActivity()
                .when(new DefinePlan(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, terms))
                .expectEvents(new PlanDefined(PLAN, ORGANIZATION, PlanKind.CLASS_PACK,
                        pack(new Money(new BigDecimal("150.00"), "EUR"), 10).normalized()));
    }

    @Test
    void aMembershipNeedsAPeriodAndAPackNeedsAValidityAndAnActivation() {
        PlanTerms noPeriod = membership(null);
        PlanTerms packWithoutValidity = new PlanTerms("Carte", null, eur("100"), new BigDecimal("20"), null, null,
                null, null, null, null, null, null, 10, null, null, null, false);

        fixture.givenNoPriorActivity()
                .when(new DefinePlan(PLAN, ORGANIZATION, PlanKind.MEMBERSHIP, noPeriod))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, packWithoutValidity))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAmountsThatAreNotMoneyInTheOrganisationsCurrencyAndSitesThatAreNotItsOwn() {
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, pack(new Money(
                        new BigDecimal("9.999"), "EUR"), 10)))
                .expectException(InvalidInputException.class);
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, pack(new Money(
                        new BigDecimal("-1"), "EUR"), 10)))
                .expectException(InvalidInputException.class);
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, pack(new Money(
                        new BigDecimal("150"), "CHF"), 10)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("The organisation sells in EUR; every price of the plan must be in it.");
        PlanTerms elsewhere = new PlanTerms("Carte", null, eur("100"), new BigDecimal("20"), null,
                List.of(UUID.randomUUID()), null, null, null, null, null, null, 10, 90, null, Activation.SALE, false);
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, elsewhere))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DefinePlan(PLAN, UUID.randomUUID(), PlanKind.CLASS_PACK, pack(eur("100"), 10)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("This organisation is not known to this service yet: retry in a moment.");
    }

    @Test
    void aDraftIsRevisedThenPublishedWithItsTerms() {
        PlanTerms first = membership(BillingPeriod.MONTHLY).normalized();
        PlanTerms revised = membership(BillingPeriod.YEARLY).normalized();

        fixture.given(new PlanDefined(PLAN, ORGANIZATION, PlanKind.MEMBERSHIP, first))
                .when(new RevisePlan(PLAN, membership(BillingPeriod.YEARLY), null))
                .expectEvents(new PlanRevised(PLAN, ORGANIZATION, revised));
        fixture.given(new PlanDefined(PLAN, ORGANIZATION, PlanKind.MEMBERSHIP, first),
                        new PlanRevised(PLAN, ORGANIZATION, revised))
                .when(new PublishPlan(PLAN, NOW))
                .expectEvents(new PlanPublished(PLAN, ORGANIZATION, PlanKind.MEMBERSHIP, revised, NOW));
    }

    @Test
    void aPublishedPlanIsNotRevisedButItsPriceChanges() {
        PlanTerms terms = membership(BillingPeriod.MONTHLY).normalized();
        Object[] published = {new PlanDefined(PLAN, ORGANIZATION, PlanKind.MEMBERSHIP, terms),
                new PlanPublished(PLAN, ORGANIZATION, PlanKind.MEMBERSHIP, terms, NOW)};

        fixture.given(published)
                .when(new RevisePlan(PLAN, membership(BillingPeriod.YEARLY), null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(published)
                .when(new ChangePlanPrice(PLAN, eur("44.9"), Map.of("student", eur("30")), false, null))
                .expectEvents(new PlanPriceChanged(PLAN, ORGANIZATION, eur("44.90"),
                        Map.of("student", eur("30.00")), false));
        fixture.given(published)
                .when(new ChangePlanPrice(PLAN, terms.price(), terms.categoryPrices(), false, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(published)
                .when(new ChangePlanPrice(PLAN, eur("44.90"), Map.of(), false, null))
                .expectEvents(new PlanPriceChanged(PLAN, ORGANIZATION, eur("44.90"), Map.of(), false));
    }

    @Test
    void aRetiredPlanIsSoldNoMore() {
        PlanTerms terms = pack(eur("150"), 10).normalized();
        Object[] retired = {new PlanDefined(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, terms),
                new PlanPublished(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, terms, NOW),
                new PlanRetired(PLAN, ORGANIZATION, NOW)};

        fixture.given(retired)
                .when(new PublishPlan(PLAN, NOW))
                .expectException(RuleViolationException.class);
        fixture.given(retired)
                .when(new ChangePlanPrice(PLAN, eur("99"), Map.of(), false, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("This plan is retired: it is sold no more.");
        fixture.given(retired)
                .when(new RetirePlan(PLAN, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(new PlanDefined(PLAN, ORGANIZATION, PlanKind.CLASS_PACK, terms))
                .when(new RetirePlan(PLAN, NOW))
                .expectEvents(new PlanRetired(PLAN, ORGANIZATION, NOW));
    }

    private static PlanTerms pack(Money price, Integer credits) {
        return new PlanTerms("Carte 10 cours", "Yoga et pilates", price, new BigDecimal("20"),
                Map.of(), List.of(LYON), List.of("yoga", "pilates"), null, null, null, null, null, credits, null,
                LocalDate.of(2027, 6, 30), Activation.FIRST_USE, true);
    }

    private static PlanTerms membership(BillingPeriod period) {
        return new PlanTerms("Illimité", null, eur("39.9"), new BigDecimal("20.0"), Map.of("student", eur("29.9")),
                List.of(), List.of(), period, 12, 5, null, eur("49"), null, null, null, null, false);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
