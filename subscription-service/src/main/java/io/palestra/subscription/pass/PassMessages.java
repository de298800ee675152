package io.palestra.subscription.pass;

import io.palestra.subscription.catalog.PlanKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and events of a pass (a class or appointment card) and its credit ledger. */
public final class PassMessages {

    private PassMessages() {
    }

    /** The accounts credits move between; {@code pass} is the pass's balance. */
    public static final String PASS = "pass";
    public static final String SOLD = "sold";
    public static final String BOOKINGS = "bookings";
    public static final String ATTENDANCE = "attendance";
    public static final String EXPIRED = "expired";
    public static final String CANCELLED = "cancelled";
    public static final String ADJUSTMENTS = "adjustments";

    // Commands

    /** @param validFrom required for a pack activated on a chosen date; ignored otherwise */
    public record IssuePass(UUID passId, UUID organizationId, UUID memberId, UUID planId, String saleReference,
                            LocalDate validFrom, String actor, Instant at) {
    }

    /** Pays {@code credits} for a booking if the pass covers the session; answers a {@link ConsumeAnswer}. */
    public record ConsumeCredits(@TargetAggregateIdentifier UUID passId, UUID bookingId, int credits, UUID siteId,
                                 String activityType, Instant sessionStartsAt, Instant at) {
    }

    /**
     * @param refusal null when paid; else {@code not-covered} or {@code no-credits-left}
     * @param balance the balance after, null for an unlimited pass
     */
    public record ConsumeAnswer(boolean paid, String refusal, Integer balance) {
    }

    public record RestoreCredits(@TargetAggregateIdentifier UUID passId, UUID bookingId, Instant at) {
    }

    /** "Décompter": staff take credits for an attendance without a booking. */
    public record DeductCredits(@TargetAggregateIdentifier UUID passId, int credits, String reason,
                                LocalDate attendedOn, String actor, Instant at,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    /** @param credits positive to add, negative to take */
    public record AdjustCredits(@TargetAggregateIdentifier UUID passId, int credits, String reason, String actor,
                                Instant at,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    public record ExtendPass(@TargetAggregateIdentifier UUID passId, LocalDate validUntil, String reason,
                             String actor, Instant at,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * The sale of the pass was undone by billing (a credit note for its invoice line): cancelled like
     * {@link CancelPass}, or nothing when it has already ended. Never refuses, so billing's event is handled once.
     */
    public record RevokeSale(@TargetAggregateIdentifier UUID passId, String reason, Instant at) {
    }

    public record CancelPass(@TargetAggregateIdentifier UUID passId, String reason, String actor, Instant at,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    /** Brings the pass up to {@code at}: past its last valid day, it expires. Sent by the wake-up poller. */
    public record CatchUpPass(@TargetAggregateIdentifier UUID passId, Instant at) {
    }

    public record ReassignPass(@TargetAggregateIdentifier UUID passId, UUID memberId, Instant at) {
    }

    // Events

    /**
     * @param credits      null for unlimited
     * @param validityDays days from activation, when the pack counts them
     * @param validFrom    null until a first-use pass is used
     */
    public record PassIssued(UUID passId, UUID organizationId, UUID memberId, UUID planId, PlanKind kind,
                             String name, Integer credits, String saleReference, String activation,
                             Integer validityDays, LocalDate validFrom, LocalDate validUntil, boolean shareable,
                             List<UUID> siteIds, List<String> activityTypes, String zone, String actor, Instant at) {
    }

    public record PassActivated(UUID passId, UUID organizationId, UUID memberId, LocalDate validFrom,
                                LocalDate validUntil, Instant at) {
    }

    /**
     * One movement of the ledger: {@code credits} left account {@code from} for account {@code to}.
     *
     * @param balance the pass's balance after, null for an unlimited pass
     */
    public record CreditsMoved(UUID passId, UUID organizationId, UUID memberId, String movement, String from,
                               String to, int credits, Integer balance, UUID bookingId, String reason,
                               LocalDate attendedOn, String actor, Instant at) {
    }

    public record PassExtended(UUID passId, UUID organizationId, UUID memberId, LocalDate previousValidUntil,
                               LocalDate validUntil, String reason, String actor, Instant at) {
    }

    /** @param reason expired or cancelled */
    public record PassEnded(UUID passId, UUID organizationId, UUID memberId, String reason, String note,
                            Instant at) {
    }

    public record PassReassigned(UUID passId, UUID organizationId, UUID fromMemberId, UUID toMemberId, Instant at) {
    }
}
