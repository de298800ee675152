package io.palestra.billing.schedule;

import io.palestra.billing.schedule.ScheduleMessages.CancelScheduledPayment;
import io.palestra.billing.schedule.ScheduleMessages.ChangeScheduledPayment;
import io.palestra.billing.schedule.ScheduleMessages.MakeScheduledPaymentDue;
import io.palestra.billing.schedule.ScheduleMessages.PaymentScheduled;
import io.palestra.billing.schedule.ScheduleMessages.RecordScheduledOutcome;
import io.palestra.billing.schedule.ScheduleMessages.SchedulePayment;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentChanged;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentDue;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentFailed;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentMade;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.timing.Wakeups;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** An upcoming payment: made on its day, once; changed or cancelled only before; a failure tried on a new day. */
class ScheduledPaymentTest {

    private static final UUID ID = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID ANNE = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    private static final LocalDate APRIL_1 = LocalDate.parse("2027-04-01");
    private static final Money FORTY = new Money(new BigDecimal("40.00"), "EUR");
    private static final PaymentScheduled SCHEDULED = new PaymentScheduled(ID, ORGANIZATION, LYON, ANNE, INVOICE,
            "cheque", FORTY, APRIL_1, "chèque 1234568", "alice", NOW);
    private static final ScheduledPaymentDue DUE = new ScheduledPaymentDue(ID, ORGANIZATION, LYON, ANNE, INVOICE,
            "cheque", FORTY, "chèque 1234568", 1, NOW);

    private final Map<UUID, Instant> wakeAt = new HashMap<>();
    private AggregateTestFixture<ScheduledPayment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ScheduledPayment.class);
        fixture.registerInjectableResource((Wakeups) (kind, aggregateId, at) -> {
            if (at == null) {
                wakeAt.remove(aggregateId);
            } else {
                wakeAt.put(aggregateId, at);
            }
        });
        fixture.registerInjectableResource(new Organizations() {
            @Override
            public Optional<String> currency(UUID organizationId) {
                return Optional.of("EUR");
            }

            @Override
            public Set<UUID> sites(UUID organizationId) {
                return Set.of(LYON);
            }

            @Override
            public ZoneId zone(UUID organizationId, UUID siteId) {
                return ZoneId.of("Europe/Paris");
            }
        });
    }

    private static SchedulePayment schedule(String method, Money amount, LocalDate dueOn) {
        return new SchedulePayment(ID, ORGANIZATION, LYON, ANNE, INVOICE, method, amount, dueOn, "chèque 1234568",
                TODAY, "alice", NOW);
    }

    @Test
    void aPostdatedChequeWakesAtMidnightOfItsDayInTheSitesZone() {
        fixture.givenNoPriorActivity().when(schedule("cheque", FORTY, APRIL_1)).expectEvents(SCHEDULED);
        assertThat(wakeAt).containsEntry(ID, Instant.parse("2027-03-31T22:00:00Z"));
    }

    @Test
    void onlyAChequeADirectDebitOrACardAboveZeroOnADayToComeIsScheduled() {
        fixture.givenNoPriorActivity().when(schedule("cash", FORTY, APRIL_1))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(schedule("cheque", new Money(BigDecimal.ZERO, "EUR"), APRIL_1))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(schedule("cheque", FORTY, TODAY.minusDays(1)))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void itsDayMakesItDueOnceAndItsOutcomeIsRecordedOnce() {
        fixture.given(SCHEDULED).when(new MakeScheduledPaymentDue(ID, NOW)).expectEvents(DUE);
        fixture.given(SCHEDULED, DUE).when(new MakeScheduledPaymentDue(ID, NOW)).expectNoEvents();
        UUID payment = UUID.randomUUID();
        fixture.given(SCHEDULED, DUE).when(new RecordScheduledOutcome(ID, 1, true, payment, null, NOW))
                .expectEvents(new ScheduledPaymentMade(ID, payment, NOW));
        fixture.given(SCHEDULED, DUE, new ScheduledPaymentMade(ID, payment, NOW))
                .when(new RecordScheduledOutcome(ID, 1, true, UUID.randomUUID(), null, NOW)).expectNoEvents();
    }

    @Test
    void itChangesAndCancelsOnlyBeforeItIsMadeAndAFailureNeedsANewDay() {
        fixture.given(SCHEDULED, DUE, new ScheduledPaymentMade(ID, UUID.randomUUID(), NOW))
                .when(new CancelScheduledPayment(ID, "trop tard", "bob", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("was made"))
                .expectNoEvents();
        fixture.given(SCHEDULED, DUE).when(new ChangeScheduledPayment(ID, null, null, APRIL_1.plusDays(1), null,
                TODAY, "alice", NOW)).expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("being made")).expectNoEvents();
        ScheduledPaymentFailed failed = new ScheduledPaymentFailed(ID, "refused", NOW);
        fixture.given(SCHEDULED, DUE, failed).when(new ChangeScheduledPayment(ID, null, null, null, "autre", TODAY,
                "alice", NOW)).expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(SCHEDULED, DUE, failed).when(new ChangeScheduledPayment(ID, "card", null, TODAY, "4242", TODAY,
                        "alice", NOW))
                .expectEvents(new ScheduledPaymentChanged(ID, "card", FORTY, TODAY, "4242", "alice", NOW));
        fixture.given(SCHEDULED).when(new ChangeScheduledPayment(ID, null, new Money(new BigDecimal("40"), "USD"),
                null, null, TODAY, "bob", NOW)).expectException(InvalidInputException.class).expectNoEvents();
    }
}
