package io.palestra.billing.mandate;

import io.palestra.billing.mandate.MandateMessages.MandateRecorded;
import io.palestra.billing.mandate.MandateMessages.MandateRequested;
import io.palestra.billing.mandate.MandateMessages.MandateRevoked;
import io.palestra.billing.mandate.MandateMessages.RecordMandate;
import io.palestra.billing.mandate.MandateMessages.RequestMandate;
import io.palestra.billing.mandate.MandateMessages.RevokeMandate;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/** A member's mandates: a valid IBAN, a reference used once, signed in the past, revoked once. */
class MemberMandatesTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID ANNE = UUID.randomUUID();
    private static final UUID MANDATES = MandateMessages.mandatesOf(ORGANIZATION, ANNE);
    private static final UUID FIRST = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    private static final String IBAN = "FR76 3000 6000 0112 3456 7890 189";
    private static final MandateRecorded RECORDED = new MandateRecorded(MANDATES, ORGANIZATION, ANNE, FIRST,
            "FR7630006000011234567890189", null, null, "RUM-PAPIER-42", TODAY, "alice", NOW);

    private AggregateTestFixture<MemberMandates> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberMandates.class);
    }

    private static RecordMandate record(UUID mandateId, String iban, String bic, String reference,
                                        LocalDate signedOn) {
        return new RecordMandate(MANDATES, ORGANIZATION, ANNE, mandateId, iban, bic, null, reference, signedOn,
                TODAY, "alice", NOW);
    }

    @Test
    void aValidIbanIsRecordedWithoutItsSpacesAndAReferenceIsMadeWhenNoneIsGiven() {
        fixture.givenNoPriorActivity()
                .when(record(FIRST, IBAN.toLowerCase(), "bnpafrpp", null, TODAY.minusDays(2)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate((MandateRecorded recorded) ->
                        recorded.iban().equals("FR7630006000011234567890189") && recorded.bic().equals("BNPAFRPP")
                                && recorded.reference().matches("RUM-2027-[A-HJKMNP-Z2-9]{8}")), andNoMore())));
    }

    @Test
    void anIbanWithWrongCheckDigitsABadBicOrAFutureSignatureAreRefused() {
        fixture.givenNoPriorActivity().when(record(FIRST, "FR76 3000 6000 0112 3456 7890 188", null, null, TODAY))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(record(FIRST, "XX12 3456", null, null, TODAY))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(record(FIRST, IBAN, "BNP!", null, TODAY))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(record(FIRST, IBAN, null, null, TODAY.plusDays(1)))
                .expectException(InvalidInputException.class).expectExceptionMessage(containsString("signedOn"))
                .expectNoEvents();
    }

    @Test
    void aReferenceIsUsedOnceAndTheSameMandateRecordedAgainChangesNothing() {
        fixture.given(RECORDED).when(record(UUID.randomUUID(), IBAN, null, "RUM-PAPIER-42", TODAY))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("RUM-PAPIER-42")).expectNoEvents();
        fixture.given(RECORDED).when(record(FIRST, IBAN, null, "RUM-PAPIER-42", TODAY))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(RECORDED).when(record(UUID.randomUUID(), "DE89 3704 0044 0532 0130 00", null, null, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(MandateRecorded.class),
                        andNoMore())));
    }

    @Test
    void aMandateIsRevokedOnceAndOnlyAMandateOfTheMember() {
        fixture.given(RECORDED).when(new RevokeMandate(MANDATES, FIRST, "changement de banque", "alice", NOW))
                .expectEvents(new MandateRevoked(MANDATES, ORGANIZATION, ANNE, FIRST, "RUM-PAPIER-42",
                        "changement de banque", "alice", NOW));
        fixture.given(RECORDED, new MandateRevoked(MANDATES, ORGANIZATION, ANNE, FIRST, "RUM-PAPIER-42", "x",
                        "alice", NOW))
                .when(new RevokeMandate(MANDATES, FIRST, "encore", "alice", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(RECORDED).when(new RevokeMandate(MANDATES, UUID.randomUUID(), "?", "alice", NOW))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void askingForAMandateIsAFactEachTime() {
        UUID lyon = UUID.randomUUID();
        fixture.givenNoPriorActivity().when(new RequestMandate(MANDATES, ORGANIZATION, ANNE, lyon, "alice", NOW))
                .expectEvents(new MandateRequested(MANDATES, ORGANIZATION, ANNE, lyon, "alice", NOW));
        fixture.given(RECORDED).when(new RequestMandate(MANDATES, ORGANIZATION, ANNE, null, "alice", NOW))
                .expectEvents(new MandateRequested(MANDATES, ORGANIZATION, ANNE, null, "alice", NOW));
    }
}
