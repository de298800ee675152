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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A booking's credit claim, one per booking id: the credit protocol's memory. It is decided once (paid or refused),
 * whatever the number of times the seat's reservation arrives and whatever its event ids; a cancellation that arrives
 * before the reservation makes the reservation refused when it comes; what paid comes back once. Commands that do
 * not apply in the claim's state do nothing: redeliveries are normal here.
 */
@Aggregate
public class CreditClaim {

    enum State { NEW, CLAIMED, PAID, REFUSED, CANCELLED }

    @AggregateIdentifier
    private UUID bookingId;
    private UUID organizationId;
    private UUID sessionId;
    private UUID memberId;
    private State state = State.NEW;
    private boolean cancelled;
    private ClaimPaid payment;
    private boolean restored;

    protected CreditClaim() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClaimCredit command) {
        Seat seat = command.seat();
        if (state == State.NEW) {
            apply(new CreditClaimed(command.bookingId(), seat, command.at()));
        } else if (state == State.CANCELLED) {
            apply(new CreditClaimed(command.bookingId(), seat, command.at()));
            apply(new ClaimRefused(command.bookingId(), seat.organizationId(), seat.sessionId(), seat.memberId(),
                    "booking-cancelled", command.at()));
        }
    }

    @CommandHandler
    void handle(PayClaim command) {
        if (state == State.CLAIMED) {
            apply(new ClaimPaid(bookingId, organizationId, sessionId, memberId, command.paidBy(), command.payerId(),
                    command.credits(), command.balance(), command.at()));
        }
    }

    @CommandHandler
    void handle(RefuseClaim command) {
        if (state == State.CLAIMED) {
            apply(new ClaimRefused(bookingId, organizationId, sessionId, memberId, command.reason(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CancelClaim command) {
        if (!cancelled) {
            apply(new ClaimCancelled(command.bookingId(), command.organizationId(), command.sessionId(),
                    command.memberId(), command.recredit(), state == State.NEW, command.at()));
        }
    }

    @CommandHandler
    void handle(RecordRestored command) {
        if (payment != null && cancelled && !restored) {
            apply(new ClaimRestored(bookingId, organizationId, sessionId, memberId, payment.paidBy(),
                    payment.payerId(), payment.credits(), command.balance(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(CreditClaimed event) {
        bookingId = event.bookingId();
        organizationId = event.seat().organizationId();
        sessionId = event.seat().sessionId();
        memberId = event.seat().memberId();
        if (state == State.NEW) {
            state = State.CLAIMED;
        }
    }

    @EventSourcingHandler
    void on(ClaimPaid event) {
        state = State.PAID;
        payment = event;
    }

    @EventSourcingHandler
    void on(ClaimRefused event) {
        state = State.REFUSED;
    }

    @EventSourcingHandler
    void on(ClaimCancelled event) {
        bookingId = event.bookingId();
        organizationId = event.organizationId();
        sessionId = event.sessionId();
        memberId = event.memberId();
        cancelled = true;
        if (state == State.NEW) {
            state = State.CANCELLED;
        }
    }

    @EventSourcingHandler
    void on(ClaimRestored event) {
        restored = true;
    }
}
