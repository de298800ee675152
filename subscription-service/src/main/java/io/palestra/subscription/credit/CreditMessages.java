package io.palestra.subscription.credit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Commands and events of a booking's credit claim: what paid for it, or why nothing did, and what came back. */
public final class CreditMessages {

    private CreditMessages() {
    }

    public static final String MEMBERSHIP = "membership";
    public static final String PASS = "pass";

    /** A seat is held: the claim opens, unless the booking was cancelled first (then it is refused). */
    public record ClaimCredit(@TargetAggregateIdentifier UUID bookingId, Seat seat, Instant at) {
    }

    /** @param paidBy membership or pass; @param credits 0 for a membership */
    public record PayClaim(@TargetAggregateIdentifier UUID bookingId, String paidBy, UUID payerId, int credits,
                           Integer balance, Instant at) {
    }

    public record RefuseClaim(@TargetAggregateIdentifier UUID bookingId, String reason, Instant at) {
    }

    public record CancelClaim(@TargetAggregateIdentifier UUID bookingId, UUID organizationId, UUID sessionId,
                              UUID memberId, boolean recredit, Instant at) {
    }

    public record RecordRestored(@TargetAggregateIdentifier UUID bookingId, Integer balance, Instant at) {
    }

    public record CreditClaimed(UUID bookingId, Seat seat, Instant at) {
    }

    public record ClaimPaid(UUID bookingId, UUID organizationId, UUID sessionId, UUID memberId, String paidBy,
                            UUID payerId, int credits, Integer balance, Instant at) {
    }

    public record ClaimRefused(UUID bookingId, UUID organizationId, UUID sessionId, UUID memberId, String reason,
                               Instant at) {
    }

    /** The booking was cancelled: before its claim was decided ({@code beforeDecision}), or after. */
    public record ClaimCancelled(UUID bookingId, UUID organizationId, UUID sessionId, UUID memberId,
                                 boolean recredit, boolean beforeDecision, Instant at) {
    }

    public record ClaimRestored(UUID bookingId, UUID organizationId, UUID sessionId, UUID memberId, String paidBy,
                                UUID payerId, int credits, Integer balance, Instant at) {
    }
}
