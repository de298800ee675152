package io.palestra.billing.account;

import io.palestra.billing.account.AccountMessages.AccountCredited;
import io.palestra.billing.account.AccountMessages.AccountDebited;
import io.palestra.billing.account.AccountMessages.CreditAccount;
import io.palestra.billing.account.AccountMessages.DebitAccount;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

/** A member's account: every movement once, with its cause; never below zero. */
class AccountTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID ANNE = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID ACCOUNT = AccountMessages.accountOf(ORGANIZATION, ANNE);
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    private final UUID topUp = UUID.randomUUID();
    private final UUID payment = UUID.randomUUID();
    private final UUID invoice = UUID.randomUUID();
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void aTopUpIsCreditedOnceAndPaysUpToTheBalanceNeverBelowZero() {
        fixture.givenNoPriorActivity()
                .when(new CreditAccount(ACCOUNT, ORGANIZATION, ANNE, LYON, topUp, eur("50.00"), "top-up", "cash",
                        null, "desk", NOW))
                .expectEvents(credited(topUp, "50.00", "50.00"));
        fixture.given(credited(topUp, "50.00", "50.00"))
                .when(new CreditAccount(ACCOUNT, ORGANIZATION, ANNE, LYON, topUp, eur("50.00"), "top-up", "cash",
                        null, "desk", NOW))
                .expectNoEvents();
        fixture.given(credited(topUp, "50.00", "50.00"))
                .when(new DebitAccount(ACCOUNT, payment, eur("50.00"), "payment", invoice, "desk", NOW))
                .expectEvents(new AccountDebited(ACCOUNT, ORGANIZATION, ANNE, LYON, payment, eur("50.00"),
                        eur("0.00"), "payment", invoice, "desk", NOW));
        fixture.given(credited(topUp, "50.00", "50.00"))
                .when(new DebitAccount(ACCOUNT, payment, eur("50.01"), "payment", invoice, "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("50.00"))
                .expectNoEvents();
        fixture.given(credited(topUp, "50.00", "50.00"), new AccountDebited(ACCOUNT, ORGANIZATION, ANNE, LYON,
                        payment, eur("30.00"), eur("20.00"), "payment", invoice, "desk", NOW))
                .when(new DebitAccount(ACCOUNT, payment, eur("30.00"), "payment", invoice, "desk", NOW))
                .expectNoEvents();
        fixture.given(credited(topUp, "50.00", "50.00"))
                .when(new DebitAccount(ACCOUNT, payment, new Money(new BigDecimal("5"), "USD"), "payment", invoice,
                        "desk", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void anAccountNeverCreditedHoldsNothingToPayWith() {
        fixture.givenNoPriorActivity()
                .when(new DebitAccount(ACCOUNT, payment, eur("1.00"), "payment", invoice, "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("holds nothing"))
                .expectNoEvents();
    }

    private static AccountCredited credited(UUID entry, String amount, String balance) {
        return new AccountCredited(ACCOUNT, ORGANIZATION, ANNE, LYON, entry, eur(amount), eur(balance), "top-up",
                "cash", null, "desk", NOW, null);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
