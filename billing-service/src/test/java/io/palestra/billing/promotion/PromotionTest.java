package io.palestra.billing.promotion;

import io.palestra.billing.invoice.Discount;
import io.palestra.billing.promotion.PromotionMessages.PromotionCreated;
import io.palestra.billing.promotion.PromotionMessages.PromotionRedeemed;
import io.palestra.billing.promotion.PromotionMessages.PromotionReleased;
import io.palestra.billing.promotion.PromotionMessages.PromotionRetired;
import io.palestra.billing.promotion.PromotionMessages.RedeemPromotion;
import io.palestra.billing.promotion.PromotionMessages.ReleasePromotion;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

/** A promotion code: counted once per cart, never beyond its limit, only between its dates, given back once. */
class PromotionTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID PROMOTION = PromotionMessages.promotionOf(ORGANIZATION, "printemps10");
    private static final UUID ANNE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");

    private final UUID cart = UUID.randomUUID();
    private final UUID otherCart = UUID.randomUUID();
    private AggregateTestFixture<Promotion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Promotion.class);
    }

    @Test
    void aCodeIsCountedOncePerCartAndNeverBeyondItsLimit() {
        fixture.given(created(1))
                .when(new RedeemPromotion(PROMOTION, cart, ANNE, TODAY, "desk", NOW))
                .expectEvents(new PromotionRedeemed(PROMOTION, ORGANIZATION, cart, ANNE, 1, "desk", NOW));
        fixture.given(created(1), redeemed(cart, 1))
                .when(new RedeemPromotion(PROMOTION, cart, ANNE, TODAY, "desk", NOW))
                .expectNoEvents();
        fixture.given(created(1), redeemed(cart, 1))
                .when(new RedeemPromotion(PROMOTION, otherCart, ANNE, TODAY, "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("1 times"))
                .expectNoEvents();
        fixture.given(created(1), redeemed(cart, 1))
                .when(new ReleasePromotion(PROMOTION, cart, "desk", NOW))
                .expectEvents(new PromotionReleased(PROMOTION, ORGANIZATION, cart, 0, "desk", NOW));
        fixture.given(created(1), redeemed(cart, 1), new PromotionReleased(PROMOTION, ORGANIZATION, cart, 0, "desk",
                        NOW))
                .when(new ReleasePromotion(PROMOTION, cart, "desk", NOW))
                .expectNoEvents();
        fixture.given(created(1), redeemed(cart, 1), new PromotionReleased(PROMOTION, ORGANIZATION, cart, 0, "desk",
                        NOW))
                .when(new RedeemPromotion(PROMOTION, otherCart, ANNE, TODAY, "desk", NOW))
                .expectEvents(new PromotionRedeemed(PROMOTION, ORGANIZATION, otherCart, ANNE, 1, "desk", NOW));
    }

    @Test
    void aCodeIsUsedOnlyBetweenItsDatesAndNotOnceRetired() {
        fixture.given(created(null))
                .when(new RedeemPromotion(PROMOTION, cart, ANNE, TODAY.minusDays(1), "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("valid from"))
                .expectNoEvents();
        fixture.given(created(null))
                .when(new RedeemPromotion(PROMOTION, cart, ANNE, TODAY.plusDays(31), "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("valid until"))
                .expectNoEvents();
        fixture.given(created(null))
                .when(new RedeemPromotion(PROMOTION, cart, ANNE, TODAY.plusDays(30), "desk", NOW))
                .expectEvents(new PromotionRedeemed(PROMOTION, ORGANIZATION, cart, ANNE, 1, "desk", NOW));
        fixture.given(created(null), new PromotionRetired(PROMOTION, ORGANIZATION, "manager", NOW))
                .when(new RedeemPromotion(PROMOTION, cart, ANNE, TODAY, "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("no longer"))
                .expectNoEvents();
    }

    private static PromotionCreated created(Integer maxUses) {
        return new PromotionCreated(PROMOTION, ORGANIZATION, "PRINTEMPS10", "Printemps", new Discount(null,
                BigDecimal.TEN, "Code PRINTEMPS10"), TODAY, TODAY.plusDays(30), maxUses, List.of(), "manager", NOW);
    }

    private static PromotionRedeemed redeemed(UUID invoice, int uses) {
        return new PromotionRedeemed(PROMOTION, ORGANIZATION, invoice, ANNE, uses, "desk", NOW);
    }
}
