package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Collecting an invoice failed. When it bills a subscription's installment, the subscription needs attention until
 * the invoice is paid ({@link InvoicePaid}).
 *
 * @param organizationId    the organisation
 * @param invoiceId         the invoice (also the record key)
 * @param memberId          the member billed
 * @param subscriptionId    the subscription whose installment it bills, or null
 * @param installmentNumber that installment's number, or null
 * @param amount            what could not be collected
 * @param reason            a code, e.g. {@code insufficient-funds}, {@code mandate-missing}, {@code card-expired}
 * @param nextAttemptOn     when the dunning plan tries again, or null when it gave up
 * @param failedAt          when
 */
@JsonTypeName("palestra.billing.PaymentFailed.v1")
public record PaymentFailed(UUID organizationId, UUID invoiceId, UUID memberId, @Nullable UUID subscriptionId,
                            @Nullable Integer installmentNumber, Price amount, String reason,
                            @Nullable LocalDate nextAttemptOn, Instant failedAt) implements BillingEvent {
}
