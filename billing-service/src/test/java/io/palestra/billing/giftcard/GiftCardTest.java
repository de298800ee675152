package io.palestra.billing.giftcard;

import io.palestra.billing.giftcard.GiftCardMessages.ActivateGiftCard;
import io.palestra.billing.giftcard.GiftCardMessages.CancelGiftCard;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardActivated;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardCancelled;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardIssued;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardSent;
import io.palestra.billing.giftcard.GiftCardMessages.IssueGiftCard;
import io.palestra.billing.giftcard.GiftCardMessages.SendGiftCard;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/** A gift card: issued once per sale, used once, never after its date or its sale's cancellation. */
class GiftCardTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID CARD = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID BUYER = UUID.randomUUID();
    private static final UUID CAMILLE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    private static final Money FIFTY = new Money(new BigDecimal("50.00"), "EUR");
    private static final GiftCardIssued ISSUED = new GiftCardIssued(CARD, ORGANIZATION, LYON, INVOICE, BUYER,
            "GC-AAAA-BBBB-CCCC", FIFTY, TODAY.plusDays(365), NOW);

    private AggregateTestFixture<GiftCard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GiftCard.class);
    }

    @Test
    void aCardIsIssuedOnceWithAnUnguessableCodeAndSentToTheBuyer() {
        fixture.givenNoPriorActivity()
                .when(new IssueGiftCard(CARD, ORGANIZATION, LYON, INVOICE, BUYER, FIFTY, TODAY.plusDays(365), NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(GiftCardIssued.class),
                        instanceOf(GiftCardSent.class), andNoMore())));
        fixture.given(ISSUED)
                .when(new IssueGiftCard(CARD, ORGANIZATION, LYON, INVOICE, BUYER, FIFTY, TODAY.plusDays(365), NOW))
                .expectNoEvents();
        assertThat(GiftCard.newCode()).matches("GC-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}")
                .isNotEqualTo(GiftCard.newCode());
    }

    @Test
    void aCardIsUsedOnceBeforeItsDateAndNotOnceItsSaleIsCancelled() {
        fixture.given(ISSUED)
                .when(new ActivateGiftCard(CARD, CAMILLE, LYON, TODAY, "desk", NOW))
                .expectEvents(new GiftCardActivated(CARD, ORGANIZATION, LYON, CAMILLE, FIFTY, "desk", NOW));
        GiftCardActivated activated = new GiftCardActivated(CARD, ORGANIZATION, LYON, CAMILLE, FIFTY, "desk", NOW);
        fixture.given(ISSUED, activated)
                .when(new ActivateGiftCard(CARD, CAMILLE, LYON, TODAY, "desk", NOW))
                .expectNoEvents();
        fixture.given(ISSUED, activated)
                .when(new ActivateGiftCard(CARD, BUYER, LYON, TODAY, "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("already"))
                .expectNoEvents();
        fixture.given(ISSUED, activated)
                .when(new SendGiftCard(CARD, null, TODAY, "desk", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(ISSUED, activated)
                .when(new CancelGiftCard(CARD, UUID.randomUUID(), NOW))
                .expectNoEvents();
        fixture.given(ISSUED)
                .when(new ActivateGiftCard(CARD, CAMILLE, LYON, TODAY.plusDays(366), "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("expired"))
                .expectNoEvents();
        UUID note = UUID.randomUUID();
        fixture.given(ISSUED, new GiftCardCancelled(CARD, ORGANIZATION, note, NOW))
                .when(new ActivateGiftCard(CARD, CAMILLE, LYON, TODAY, "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("cancelled"))
                .expectNoEvents();
    }
}
