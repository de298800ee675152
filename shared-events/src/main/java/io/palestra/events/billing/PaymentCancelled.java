package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment was cancelled: what it settled is due again on the invoice, what it credited is withdrawn.
 *
 * @param organizationId the organisation
 * @param siteId         the invoice's site
 * @param invoiceId      the invoice (also the record key)
 * @param paymentId      the payment
 * @param memberId       who had paid
 * @param method         how it had been paid
 * @param amount         what it was
 * @param applied        what of it had settled the invoice
 * @param credited       what of it had been credited
 * @param reason         why, in staff's words
 * @param cancelledAt    when
 */
@JsonTypeName("palestra.billing.PaymentCancelled.v1")
public record PaymentCancelled(UUID organizationId, UUID siteId, UUID invoiceId, UUID paymentId, UUID memberId,
                               String method, Price amount, Price applied, Price credited, @Nullable String reason,
                               Instant cancelledAt) implements BillingEvent {
}
