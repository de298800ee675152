package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceMessages.AddLine;
import io.palestra.billing.invoice.InvoiceMessages.CancelPayment;
import io.palestra.billing.invoice.InvoiceMessages.CollectionDue;
import io.palestra.billing.invoice.InvoiceMessages.CollectionFailed;
import io.palestra.billing.invoice.InvoiceMessages.CreditNoteIssued;
import io.palestra.billing.invoice.InvoiceMessages.DiscountGiven;
import io.palestra.billing.invoice.InvoiceMessages.GiveDiscount;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceInstallment;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceIssued;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceOpened;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceSettled;
import io.palestra.billing.invoice.InvoiceMessages.IssueCreditNote;
import io.palestra.billing.invoice.InvoiceMessages.IssueInvoice;
import io.palestra.billing.invoice.InvoiceMessages.LineAdded;
import io.palestra.billing.invoice.InvoiceMessages.PaymentCancelled;
import io.palestra.billing.invoice.InvoiceMessages.PaymentReceived;
import io.palestra.billing.invoice.InvoiceMessages.RecordCollection;
import io.palestra.billing.invoice.InvoiceMessages.RecordPayment;
import io.palestra.billing.invoice.InvoiceMessages.RecordRefund;
import io.palestra.billing.invoice.InvoiceMessages.RefundRecorded;
import io.palestra.billing.invoice.InvoiceMessages.RetryCollection;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.timing.Wakeups;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.palestra.billing.invoice.TotalsTest.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/** The rules of an invoice: the cart, its issue, payments by several methods, and an installment's collection. */
class InvoiceTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID ANNE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    private static final Party SELLER = new Party("Studio Lumière SAS", List.of("3 rue Mercière", "69002 Lyon",
            "FR"), "12345678900012", "FR12123456789", null, null, null);
    private static final Party BUYER = new Party("Anne Martin", List.of(), null, null, null, "A-0001", null);

    private final List<String> numbers = new ArrayList<>();
    private final List<String> wakeups = new ArrayList<>();
    private AggregateTestFixture<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(new InvoiceParties() {
            @Override
            public Party seller(UUID organizationId, UUID siteId) {
                return SELLER;
            }

            @Override
            public Party buyer(UUID organizationId, UUID memberId) {
                return BUYER;
            }

            @Override
            public UUID payer(UUID organizationId, UUID memberId) {
                return memberId;
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
        fixture.registerInjectableResource((InvoiceNumbers) (organizationId, series) -> {
            numbers.add(series);
            return series + "-" + String.format("%06d", numbers.size());
        });
        fixture.registerInjectableResource(new DunningPlans(null) {
            @Override
            public List<Integer> retryDays(UUID organizationId) {
                return List.of(3, 7);
            }
        });
        fixture.registerInjectableResource((Wakeups) (kind, aggregateId, at) -> wakeups.add(kind + "@" + at));
    }

    @Test
    void aCartTakesLinesAndDiscountsUntilItIsIssuedUnderTheNextNumberAndThenNeverChanges() {
        InvoiceLine pack = line("120.00", 1);
        fixture.given(opened())
                .when(new AddLine(INVOICE, pack, "desk", NOW))
                .expectEvents(new LineAdded(INVOICE, ORGANIZATION, pack, "desk", NOW));
        fixture.given(opened(), added(pack))
                .when(new GiveDiscount(INVOICE, null, new Discount(eur("150.00"), null, "trop"), "desk", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(opened(), added(pack))
                .when(new IssueInvoice(INVOICE, null, null, "desk", NOW))
                .expectEvents(new InvoiceIssued(INVOICE, ORGANIZATION, LYON, ANNE, "F-000001", TODAY, TODAY,
                        List.of(pack), null, Totals.of(List.of(pack), null, "EUR"), null, null, SELLER, BUYER, "desk",
                        NOW));
        fixture.given(opened(), added(pack), issued(pack))
                .when(new AddLine(INVOICE, line("5.00", 1), "desk", NOW))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("a correction is a credit note")).expectNoEvents();
        fixture.given(opened())
                .when(new IssueInvoice(INVOICE, null, null, "desk", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(opened(), added(pack))
                .when(new IssueInvoice(INVOICE, TODAY.plusDays(1), null, "desk", NOW))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(opened(), added(pack))
                .when(new IssueInvoice(INVOICE, TODAY.minusDays(10), null, "desk", NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(InvoiceIssued.class),
                        andNoMore())));
    }

    @Test
    void walletAndAidPaymentsNeverGoBeyondTheBalanceAndAReferenceFitsItsColumn() {
        InvoiceLine pack = line("120.00", 1);
        for (String inside : List.of("wallet", "scholarship")) {
            fixture.given(opened(), added(pack), issued(pack))
                    .when(new RecordPayment(INVOICE, UUID.randomUUID(), inside, eur("120.01"), null, "desk", NOW))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("never turned into account credit")).expectNoEvents();
        }
        fixture.given(opened(), added(pack), issued(pack))
                .when(new RecordPayment(INVOICE, UUID.randomUUID(), "cash", eur("10.00"), "x".repeat(201), "desk",
                        NOW))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void paymentsBySeveralMethodsSettleTheInvoiceAndWhatIsPaidBeyondIsCredited() {
        InvoiceLine pack = line("120.00", 1);
        UUID card = UUID.randomUUID();
        UUID cash = UUID.randomUUID();
        fixture.given(opened(), added(pack), issued(pack))
                .when(new RecordPayment(INVOICE, card, "card-terminal", eur("60.00"), null, "desk", NOW))
                .expectEvents(new PaymentReceived(INVOICE, ORGANIZATION, LYON, ANNE, card, "card-terminal",
                        eur("60.00"), eur("60.00"), eur("0.00"), null, "desk", NOW));
        fixture.given(opened(), added(pack), issued(pack), received(card, "60.00", "60.00"))
                .when(new RecordPayment(INVOICE, cash, "cash", eur("70.00"), null, "desk", NOW))
                .expectEvents(new PaymentReceived(INVOICE, ORGANIZATION, LYON, ANNE, cash, "cash", eur("70.00"),
                                eur("60.00"), eur("10.00"), null, "desk", NOW),
                        new InvoiceSettled(INVOICE, ORGANIZATION, LYON, ANNE, "F-000001", eur("120.00"), null, null,
                                NOW));
        fixture.given(opened(), added(pack), issued(pack), received(card, "60.00", "60.00"),
                        received(cash, "60.00", "60.00"))
                .when(new RecordPayment(INVOICE, UUID.randomUUID(), "cash", eur("1.00"), null, "desk", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("Nothing is "
                        + "left to pay")).expectNoEvents();
        fixture.given(opened(), added(pack))
                .when(new RecordPayment(INVOICE, card, "cash", eur("10.00"), null, "desk", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(opened(), added(pack), issued(pack))
                .when(new RecordPayment(INVOICE, card, "cash", new Money(new BigDecimal("10.00"), "USD"), null,
                        "desk", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void aCancelledPaymentIsDueAgainOnce() {
        InvoiceLine pack = line("120.00", 1);
        UUID cheque = UUID.randomUUID();
        fixture.given(opened(), added(pack), issued(pack), received(cheque, "120.00", "120.00"))
                .when(new CancelPayment(INVOICE, cheque, "chèque sans provision", "manager", NOW))
                .expectEvents(new PaymentCancelled(INVOICE, ORGANIZATION, LYON, ANNE, cheque, "cash", eur("120.00"),
                        eur("120.00"), eur("0.00"), "chèque sans provision", "manager", NOW));
        PaymentCancelled cancelled = new PaymentCancelled(INVOICE, ORGANIZATION, LYON, ANNE, cheque, "cash",
                eur("120.00"), eur("120.00"), eur("0.00"), "chèque sans provision", "manager", NOW);
        fixture.given(opened(), added(pack), issued(pack), received(cheque, "120.00", "120.00"), cancelled)
                .when(new CancelPayment(INVOICE, cheque, "encore", "manager", NOW))
                .expectNoEvents();
        fixture.given(opened(), added(pack), issued(pack), received(cheque, "120.00", "120.00"), cancelled)
                .when(new RecordPayment(INVOICE, UUID.randomUUID(), "transfer", eur("120.00"), null, "desk", NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(PaymentReceived.class),
                        instanceOf(InvoiceSettled.class), andNoMore())));
    }

    @Test
    void anInstallmentIsInvoicedOnceAndCollectedThenRetriedOnTheDunningPlan() {
        UUID subscription = UUID.randomUUID();
        UUID installmentInvoice = InvoiceMessages.installmentInvoice(subscription, 1);
        InvoiceLine membership = new InvoiceLine(UUID.randomUUID(), "membership", UUID.randomUUID(), "Mars 2027", 1,
                eur("49.00"), new BigDecimal("20.0"), null, null, null);
        InvoiceInstallment due = new InvoiceInstallment(installmentInvoice, ORGANIZATION, LYON, ANNE, subscription, 1,
                UUID.randomUUID(), List.of(membership), new Discount(eur("9.00"), null, "Offre de rentrée"), TODAY,
                "direct-debit", "MANDATE-0341", NOW);
        fixture.givenNoPriorActivity().when(due)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(InvoiceOpened.class),
                        instanceOf(LineAdded.class), instanceOf(DiscountGiven.class),
                        instanceOf(InvoiceIssued.class), equalTo(new CollectionDue(installmentInvoice,
                                ORGANIZATION, ANNE, 1, "direct-debit", "MANDATE-0341", eur("40.00"), NOW)),
                        andNoMore())));

        fixture.given(installmentEvents(subscription, installmentInvoice, membership))
                .when(due).expectNoEvents();
        Instant later = NOW.plusSeconds(60);
        fixture.given(installmentEvents(subscription, installmentInvoice, membership))
                .when(new RecordCollection(installmentInvoice, 1, false, null, "insufficient-funds", later))
                .expectEvents(new CollectionFailed(installmentInvoice, ORGANIZATION, LYON, ANNE, 1, eur("40.00"),
                        "insufficient-funds", TODAY.plusDays(3), subscription, 1, later));
        assertThat(wakeups).last().isEqualTo("collection@2027-03-03T23:00:00Z");

        CollectionFailed failed = new CollectionFailed(installmentInvoice, ORGANIZATION, LYON, ANNE, 1,
                eur("40.00"), "insufficient-funds", TODAY.plusDays(3), subscription, 1, later);
        Instant retry = Instant.parse("2027-03-03T23:00:00Z");
        List<Object> afterFailure = new ArrayList<>(installmentEvents(subscription, installmentInvoice, membership));
        afterFailure.add(failed);
        fixture.given(afterFailure)
                .when(new RetryCollection(installmentInvoice, retry))
                .expectEvents(new CollectionDue(installmentInvoice, ORGANIZATION, ANNE, 2, "direct-debit",
                        "MANDATE-0341", eur("40.00"), retry));
        afterFailure.add(new CollectionDue(installmentInvoice, ORGANIZATION, ANNE, 2, "direct-debit", "MANDATE-0341",
                eur("40.00"), retry));
        fixture.given(afterFailure)
                .when(new RecordCollection(installmentInvoice, 1, false, null, "insufficient-funds", retry))
                .expectNoEvents();
        fixture.given(afterFailure)
                .when(new RecordCollection(installmentInvoice, 2, true, "sandbox-1", null, retry))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(PaymentReceived.class),
                        equalTo(new InvoiceSettled(installmentInvoice, ORGANIZATION, LYON, ANNE,
                                "F-000007", eur("40.00"), subscription, 1, retry)), andNoMore())));
    }

    @Test
    void theDunningPlanGivesUpAfterItsLastRetry() {
        UUID subscription = UUID.randomUUID();
        UUID installmentInvoice = InvoiceMessages.installmentInvoice(subscription, 1);
        InvoiceLine membership = new InvoiceLine(UUID.randomUUID(), "membership", UUID.randomUUID(), "Mars 2027", 1,
                eur("49.00"), new BigDecimal("20.0"), null, null, null);
        List<Object> history = new ArrayList<>(installmentEvents(subscription, installmentInvoice, membership));
        history.add(new CollectionFailed(installmentInvoice, ORGANIZATION, LYON, ANNE, 1, eur("40.00"),
                "insufficient-funds", TODAY.plusDays(3), subscription, 1, NOW));
        history.add(new CollectionDue(installmentInvoice, ORGANIZATION, ANNE, 2, "direct-debit", "MANDATE-9995",
                eur("40.00"), NOW));
        history.add(new CollectionFailed(installmentInvoice, ORGANIZATION, LYON, ANNE, 2, eur("40.00"),
                "insufficient-funds", TODAY.plusDays(7), subscription, 1, NOW));
        history.add(new CollectionDue(installmentInvoice, ORGANIZATION, ANNE, 3, "direct-debit", "MANDATE-9995",
                eur("40.00"), NOW));
        Instant lastTry = Instant.parse("2027-03-08T08:00:00Z");
        fixture.given(history)
                .when(new RecordCollection(installmentInvoice, 3, false, null, "insufficient-funds", lastTry))
                .expectEvents(new CollectionFailed(installmentInvoice, ORGANIZATION, LYON, ANNE, 3, eur("40.00"),
                        "insufficient-funds", null, subscription, 1, lastTry));
        assertThat(wakeups).last().isEqualTo("collection@null");
    }

    @Test
    void aCreditNoteGivesBackLinesWithTheirShareOfTheDiscountAndOnlyWhatWasPaidBeyondIsRefunded() {
        InvoiceLine pack = line("120.00", 1);
        InvoiceLine bottle = new InvoiceLine(UUID.randomUUID(), "shop-item", null, "Gourde", 1, eur("30.00"),
                new BigDecimal("5.5"), null, null, null);
        Discount tenOff = new Discount(eur("15.00"), null, "Bienvenue");
        InvoiceIssued issued = new InvoiceIssued(INVOICE, ORGANIZATION, LYON, ANNE, "F-000001", TODAY, TODAY,
                List.of(pack, bottle), tenOff, Totals.of(List.of(pack, bottle), tenOff, "EUR"), null, null, SELLER,
                BUYER, "desk", NOW);
        UUID note = UUID.randomUUID();
        fixture.given(opened(), issued, received(UUID.randomUUID(), "135.00", "135.00"))
                .when(new IssueCreditNote(INVOICE, note, List.of(bottle.lineId()), "défectueuse", "manager", NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(creditNote("AV-000001", false),
                        andNoMore())));
        CreditNoteIssued credited = new CreditNoteIssued(INVOICE, ORGANIZATION, LYON, ANNE, "F-000001", note,
                "AV-000001", List.of(bottle), Totals.part(List.of(pack, bottle), tenOff, "EUR",
                line -> line.lineId().equals(bottle.lineId())), false, "défectueuse", "manager", NOW);
        assertThat(credited.totals().total()).isEqualTo(eur("27.00"));

        UUID refund = UUID.randomUUID();
        fixture.given(opened(), issued, received(UUID.randomUUID(), "135.00", "135.00"), credited)
                .when(new RecordRefund(INVOICE, refund, "card-terminal", eur("27.01"), null, "manager", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("At most 27.00"))
                .expectNoEvents();
        fixture.given(opened(), issued, received(UUID.randomUUID(), "135.00", "135.00"), credited)
                .when(new RecordRefund(INVOICE, refund, "card-terminal", eur("27.00"), "défectueuse", "manager", NOW))
                .expectEvents(new RefundRecorded(INVOICE, ORGANIZATION, LYON, ANNE, refund, "card-terminal",
                        eur("27.00"), "défectueuse", "manager", NOW));
        fixture.given(opened(), issued, credited)
                .when(new RecordRefund(INVOICE, refund, "cash", eur("1.00"), null, "manager", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(opened(), issued, credited)
                .when(new IssueCreditNote(INVOICE, UUID.randomUUID(), List.of(bottle.lineId()), "encore", "manager",
                        NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(opened(), issued, credited)
                .when(new IssueCreditNote(INVOICE, UUID.randomUUID(), List.of(), "annulée", "manager", NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(creditNote("AV-000002", true),
                        andNoMore())));
        fixture.given(opened(), added(pack))
                .when(new IssueCreditNote(INVOICE, UUID.randomUUID(), List.of(), "brouillon", "manager", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    private static Matcher<Object> creditNote(String number, boolean whole) {
        return new CustomTypeSafeMatcher<>("a credit note " + number + (whole ? ", whole" : "")) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CreditNoteIssued note && note.number().equals(number) && note.whole() == whole;
            }
        };
    }

    private List<Object> installmentEvents(UUID subscription, UUID invoice, InvoiceLine membership) {
        Discount offer = new Discount(eur("9.00"), null, "Offre de rentrée");
        return List.of(new InvoiceOpened(invoice, ORGANIZATION, LYON, ANNE, "EUR", null, "palestra", NOW),
                new LineAdded(invoice, ORGANIZATION, membership, "palestra", NOW),
                new DiscountGiven(invoice, ORGANIZATION, null, offer, "palestra", NOW),
                new InvoiceIssued(invoice, ORGANIZATION, LYON, ANNE, "F-000007", TODAY, TODAY, List.of(membership),
                        offer, Totals.of(List.of(membership), offer, "EUR"), subscription, 1, SELLER, BUYER,
                        "palestra", NOW),
                new CollectionDue(invoice, ORGANIZATION, ANNE, 1, "direct-debit", "MANDATE-0341", eur("40.00"), NOW));
    }

    private static InvoiceOpened opened() {
        return new InvoiceOpened(INVOICE, ORGANIZATION, LYON, ANNE, "EUR", null, "desk", NOW);
    }

    private static LineAdded added(InvoiceLine line) {
        return new LineAdded(INVOICE, ORGANIZATION, line, "desk", NOW);
    }

    private static InvoiceIssued issued(InvoiceLine... lines) {
        return new InvoiceIssued(INVOICE, ORGANIZATION, LYON, ANNE, "F-000001", TODAY, TODAY, List.of(lines), null,
                Totals.of(List.of(lines), null, "EUR"), null, null, SELLER, BUYER, "desk", NOW);
    }

    private static PaymentReceived received(UUID payment, String amount, String applied) {
        return new PaymentReceived(INVOICE, ORGANIZATION, LYON, ANNE, payment, "cash", eur(amount), eur(applied),
                eur(amount).minus(eur(applied)), null, "desk", NOW);
    }

    private static InvoiceLine line(String price, int quantity) {
        return new InvoiceLine(UUID.randomUUID(), "class-pack", UUID.randomUUID(), "Carte 10 cours", quantity,
                eur(price), new BigDecimal("20.0"), null, null, null);
    }
}
