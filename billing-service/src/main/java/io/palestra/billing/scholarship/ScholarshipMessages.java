package io.palestra.billing.scholarship;

import io.palestra.platform.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Commands and events of financial aid (bourses). */
public final class ScholarshipMessages {

    private ScholarshipMessages() {
    }

    /**
     * @param granteeId the member it is granted to; for an account, the household's holder (who pays its invoices)
     * @param scope     {@code person}: only the grantee's purchases; {@code account}: any purchase billed to the
     *                  grantee, for any member of the account
     * @param kinds     the invoice line kinds it pays for, e.g. {@code class-pack}; empty: any but gift cards
     * @param validUntil last day it can be used, or null: until spent
     */
    public record GrantScholarship(@TargetAggregateIdentifier UUID scholarshipId, UUID organizationId,
                                   UUID granteeId, String scope, String name, Money amount, LocalDate validFrom,
                                   LocalDate validUntil, Set<String> kinds, String actor, Instant at) {
    }

    /** @param eligible what the invoice's eligible purchases still leave for aid to pay */
    public record UseScholarship(@TargetAggregateIdentifier UUID scholarshipId, UUID useId, UUID invoiceId,
                                 Money amount, Money eligible, LocalDate today, String actor, Instant at) {
    }

    public record ReleaseScholarshipUse(@TargetAggregateIdentifier UUID scholarshipId, UUID useId, String reason,
                                        String actor, Instant at) {
    }

    public record WithdrawScholarship(@TargetAggregateIdentifier UUID scholarshipId, String reason, String actor,
                                      Instant at) {
    }

    public record ScholarshipGranted(UUID scholarshipId, UUID organizationId, UUID granteeId, String scope,
                                     String name, Money amount, LocalDate validFrom, LocalDate validUntil,
                                     Set<String> kinds, String actor, Instant at) {
    }

    /** @param remaining what is left of it after this use */
    public record ScholarshipUsed(UUID scholarshipId, UUID useId, UUID invoiceId, Money amount, Money remaining,
                                  String actor, Instant at) {
    }

    public record ScholarshipUseReleased(UUID scholarshipId, UUID useId, Money amount, Money remaining, String reason,
                                         String actor, Instant at) {
    }

    /** What was left of it is no longer granted. */
    public record ScholarshipWithdrawn(UUID scholarshipId, Money remaining, String reason, String actor, Instant at) {
    }
}
