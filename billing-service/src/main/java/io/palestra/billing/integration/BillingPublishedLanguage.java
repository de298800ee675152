package io.palestra.billing.integration;

import io.palestra.billing.giftcard.GiftCardMessages;
import io.palestra.billing.invoice.InvoiceLine;
import io.palestra.billing.invoice.InvoiceMessages;
import io.palestra.billing.invoice.Totals;
import io.palestra.billing.mandate.MandateMessages;
import io.palestra.events.Price;
import io.palestra.events.billing.CreditNoteIssued;
import io.palestra.events.billing.GiftCardSent;
import io.palestra.events.billing.InvoiceIssued;
import io.palestra.events.billing.InvoicePaid;
import io.palestra.events.billing.MandateRecorded;
import io.palestra.events.billing.MandateRequested;
import io.palestra.events.billing.MandateRevoked;
import io.palestra.events.billing.PaymentCancelled;
import io.palestra.events.billing.PaymentFailed;
import io.palestra.events.billing.PaymentReceived;
import io.palestra.events.billing.RefundIssued;
import io.palestra.platform.money.Money;
import io.palestra.platform.relay.Publication;
import io.palestra.platform.relay.PublishedLanguage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The one place where billing-service's internal events become the published contract, keyed by invoice: an invoice
 * issued (with what it sold), payments received and cancelled, an invoice paid in full, a collection that failed.
 * Carts (drafts) and who at the desk did what stay inside.
 */
@Component
class BillingPublishedLanguage implements PublishedLanguage {

    @Override
    public List<Publication> translate(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof InvoiceMessages.InvoiceIssued issued) {
            Totals totals = issued.totals();
            return List.of(Publication.of(new InvoiceIssued(issued.organizationId(), issued.siteId(),
                    issued.invoiceId(), issued.number(), issued.memberId(), issued.invoiceDate(), issued.dueOn(),
                    issued.lines().stream().map(BillingPublishedLanguage::line).toList(), price(totals.total()),
                    vat(totals), issued.subscriptionId(), issued.installmentNumber(),
                    issued.at()), issued.invoiceId()));
        }
        if (payload instanceof GiftCardMessages.GiftCardSent sent) {
            return List.of(Publication.of(new GiftCardSent(sent.organizationId(), sent.giftCardId(), sent.code(),
                    price(sent.amount()), sent.expiresOn(), sent.buyerId(), sent.recipientEmail(), sent.at()),
                    sent.giftCardId()));
        }
        if (payload instanceof MandateMessages.MandateRecorded recorded) {
            return List.of(Publication.of(new MandateRecorded(recorded.organizationId(), recorded.memberId(),
                    recorded.mandateId(), recorded.reference(), recorded.iban().substring(recorded.iban().length()
                    - 4), recorded.signedOn(), recorded.at()), recorded.memberId()));
        }
        if (payload instanceof MandateMessages.MandateRevoked revoked) {
            return List.of(Publication.of(new MandateRevoked(revoked.organizationId(), revoked.memberId(),
                    revoked.mandateId(), revoked.reference(), revoked.reason(), revoked.at()), revoked.memberId()));
        }
        if (payload instanceof MandateMessages.MandateRequested requested) {
            return List.of(Publication.of(new MandateRequested(requested.organizationId(), requested.memberId(),
                    requested.siteId(), requested.actor(), requested.at()), requested.memberId()));
        }
        if (payload instanceof InvoiceMessages.PaymentReceived received) {
            return List.of(Publication.of(new PaymentReceived(received.organizationId(), received.siteId(),
                    received.invoiceId(), received.paymentId(), received.memberId(), received.method(),
                    price(received.amount()), price(received.applied()), price(received.credited()), received.at()),
                    received.invoiceId()));
        }
        if (payload instanceof InvoiceMessages.PaymentCancelled cancelled) {
            return List.of(Publication.of(new PaymentCancelled(cancelled.organizationId(), cancelled.siteId(),
                    cancelled.invoiceId(), cancelled.paymentId(), cancelled.memberId(), cancelled.method(),
                    price(cancelled.amount()), price(cancelled.applied()), price(cancelled.credited()),
                    cancelled.reason(), cancelled.at()), cancelled.invoiceId()));
        }
        if (payload instanceof InvoiceMessages.CreditNoteIssued credited) {
            Totals totals = credited.totals();
            return List.of(Publication.of(new CreditNoteIssued(credited.organizationId(), credited.siteId(),
                    credited.invoiceId(), credited.invoiceNumber(), credited.creditNoteId(), credited.number(),
                    credited.memberId(), credited.lines().stream().map(BillingPublishedLanguage::line).toList(),
                    price(totals.total()), vat(totals), credited.whole(), credited.reason(), credited.at()),
                    credited.invoiceId()));
        }
        if (payload instanceof InvoiceMessages.RefundRecorded refunded) {
            return List.of(Publication.of(new RefundIssued(refunded.organizationId(), refunded.siteId(),
                    refunded.invoiceId(), refunded.refundId(), refunded.memberId(), refunded.method(),
                    price(refunded.amount()), refunded.reason(), refunded.at()), refunded.invoiceId()));
        }
        if (payload instanceof InvoiceMessages.InvoiceSettled settled) {
            return List.of(Publication.of(new InvoicePaid(settled.organizationId(), settled.invoiceId(),
                    settled.number(), settled.memberId(), settled.subscriptionId(), settled.installmentNumber(),
                    price(settled.total()), settled.at()), settled.invoiceId()));
        }
        if (payload instanceof InvoiceMessages.CollectionFailed failed) {
            return List.of(Publication.of(new PaymentFailed(failed.organizationId(), failed.invoiceId(),
                    failed.memberId(), failed.subscriptionId(), failed.installmentNumber(), price(failed.amount()),
                    failed.reason(), failed.nextAttemptOn(), failed.at()), failed.invoiceId()));
        }
        return List.of();
    }

    private static InvoiceIssued.Line line(InvoiceLine line) {
        return new InvoiceIssued.Line(line.lineId(), line.kind(), line.reference(), line.description(),
                line.quantity(), price(line.total()), line.vatRate(), line.startsOn(), line.beneficiaryId());
    }

    private static List<InvoiceIssued.Vat> vat(Totals totals) {
        return totals.vat().stream().map(vat -> new InvoiceIssued.Vat(vat.rate(), price(vat.net()),
                price(vat.vat()))).toList();
    }

    private static Price price(Money money) {
        return new Price(money.amount(), money.currency());
    }
}
