package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Price;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment was received on an invoice: at the desk, by the payment provider or online.
 *
 * @param organizationId the organisation
 * @param siteId         the invoice's site
 * @param invoiceId      the invoice (also the record key)
 * @param paymentId      the payment
 * @param memberId       who paid
 * @param method         {@code cash}, {@code card-terminal}, {@code cheque}, {@code transfer}, {@code direct-debit},
 *                       {@code card}, {@code wallet}, {@code gift-card}, {@code other} or a type the organisation
 *                       named
 * @param amount         what was received
 * @param applied        what of it settled the invoice
 * @param credited       what of it went to the member's account as credit (beyond what was due)
 * @param receivedAt     when
 */
@JsonTypeName("palestra.billing.PaymentReceived.v1")
public record PaymentReceived(UUID organizationId, UUID siteId, UUID invoiceId, UUID paymentId, UUID memberId,
                              String method, Price amount, Price applied, Price credited, Instant receivedAt)
        implements BillingEvent {
}
