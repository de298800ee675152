package io.palestra.subscription.credit;

import io.palestra.subscription.credit.CreditMessages.CancelClaim;
import io.palestra.subscription.credit.CreditMessages.ClaimCancelled;
import io.palestra.subscription.credit.CreditMessages.ClaimCredit;
import io.palestra.subscription.credit.CreditMessages.ClaimPaid;
import io.palestra.subscription.credit.CreditMessages.ClaimRefused;
import io.palestra.subscription.credit.CreditMessages.ClaimRestored;
import io.palestra.subscription.credit.CreditMessages.CreditClaimed;
import io.palestra.subscription.credit.CreditMessages.PayClaim;
import io.palestra.subscription.credit.CreditMessages.RecordRestored;
import io.palestra.subscription.credit.CreditMessages.RefuseClaim;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/** A booking's claim is decided once, refused when its cancellation came first, and restored once. */
class CreditClaimTest {

    private static final Instant AT = Instant.parse("2027-03-10T10:00:00Z");
    private static final UUID BOOKING = UUID.randomUUID();
    private static final UUID PASS = UUID.randomUUID();
    private static final Seat SEAT = new Seat(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), BOOKING,
            UUID.randomUUID(), "yoga", Instant.parse("2027-03-12T18:00:00Z"), 1);
    private static final ClaimCredit CLAIM = new ClaimCredit(BOOKING, SEAT, AT);
    private static final PayClaim PAY = new PayClaim(BOOKING, CreditMessages.PASS, PASS, 1, 4, AT);
    private static final CancelClaim CANCEL = new CancelClaim(BOOKING, SEAT.organizationId(), SEAT.sessionId(),
            SEAT.memberId(), true, AT);

    private AggregateTestFixture<CreditClaim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CreditClaim.class);
    }

    @Test
    void aClaimIsDecidedOnceHoweverOftenItArrives() {
        fixture.givenNoPriorActivity().when(CLAIM).expectEvents(new CreditClaimed(BOOKING, SEAT, AT));
        fixture.givenCommands(CLAIM).when(PAY).expectEvents(new ClaimPaid(BOOKING, SEAT.organizationId(),
                SEAT.sessionId(), SEAT.memberId(), CreditMessages.PASS, PASS, 1, 4, AT));
        fixture.givenCommands(CLAIM, PAY).when(CLAIM).expectNoEvents();
        fixture.givenCommands(CLAIM, PAY).when(PAY).expectNoEvents();
        fixture.givenCommands(CLAIM, PAY).when(new RefuseClaim(BOOKING, "no-credits-left", AT)).expectNoEvents();
    }

    @Test
    void aCancellationBeforeTheReservationMakesItRefused() {
        fixture.givenCommands(CANCEL).when(CLAIM).expectEvents(new CreditClaimed(BOOKING, SEAT, AT),
                new ClaimRefused(BOOKING, SEAT.organizationId(), SEAT.sessionId(), SEAT.memberId(),
                        "booking-cancelled", AT));
        fixture.givenCommands(CANCEL, CLAIM).when(PAY).expectNoEvents();
        fixture.givenCommands(CANCEL, CLAIM).when(CLAIM).expectNoEvents();
    }

    @Test
    void whatPaidIsRestoredOnceAfterACancellation() {
        fixture.givenCommands(CLAIM, PAY).when(CANCEL).expectEvents(new ClaimCancelled(BOOKING,
                SEAT.organizationId(), SEAT.sessionId(), SEAT.memberId(), true, false, AT));
        fixture.givenCommands(CLAIM, PAY, CANCEL).when(CANCEL).expectNoEvents();
        RecordRestored restored = new RecordRestored(BOOKING, 5, AT);
        fixture.givenCommands(CLAIM, PAY, CANCEL).when(restored).expectEvents(new ClaimRestored(BOOKING,
                SEAT.organizationId(), SEAT.sessionId(), SEAT.memberId(), CreditMessages.PASS, PASS, 1, 5, AT));
        fixture.givenCommands(CLAIM, PAY, CANCEL, restored).when(restored).expectNoEvents();
        fixture.givenCommands(CLAIM, PAY).when(restored).expectNoEvents();
    }
}
