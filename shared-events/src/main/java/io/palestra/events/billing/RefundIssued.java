package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.time.Instant;
import java.util.UUID;

/**
 * Money was given back to a member on an invoice (after a credit note).
 *
 * @param organizationId the organisation
 * @param siteId         the invoice's site
 * @param invoiceId      the invoice (also the record key)
 * @param refundId       the refund
 * @param memberId       who is refunded
 * @param method         how: the way it was paid ({@code card-terminal}, {@code transfer}, {@code cash}...) or
 *                       {@code wallet} (credited to the member's account)
 * @param amount         what was given back
 * @param reason         why, or null
 * @param refundedAt     when
 */
@JsonTypeName("palestra.billing.RefundIssued.v1")
public record RefundIssued(UUID organizationId, UUID siteId, UUID invoiceId, UUID refundId, UUID memberId,
                           String method, Price amount, @Nullable String reason, Instant refundedAt)
        implements BillingEvent {
}
