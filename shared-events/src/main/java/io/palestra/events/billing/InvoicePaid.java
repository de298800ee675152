package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.time.Instant;
import java.util.UUID;

/**
 * An invoice is paid in full. When it bills a subscription's installment, {@code subscriptionId} and
 * {@code installmentNumber} name it, and the subscription is in good standing again.
 *
 * @param organizationId    the organisation
 * @param invoiceId         the invoice (also the record key)
 * @param invoiceNumber     its legal number
 * @param memberId          the member billed
 * @param subscriptionId    the subscription whose installment it bills, or null
 * @param installmentNumber that installment's number (0 is the first), or null
 * @param total             what was paid
 * @param paidAt            when the last payment completed it
 */
@JsonTypeName("palestra.billing.InvoicePaid.v1")
public record InvoicePaid(UUID organizationId, UUID invoiceId, String invoiceNumber, UUID memberId,
                          @Nullable UUID subscriptionId, @Nullable Integer installmentNumber, Price total,
                          Instant paidAt) implements BillingEvent {
}
