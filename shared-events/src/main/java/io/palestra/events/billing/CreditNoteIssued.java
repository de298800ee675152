package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Price;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A credit note (avoir) corrects an issued invoice: it gives back some of its lines, or all that were left
 * ({@code whole}: the invoice is cancelled). A credited pack line cancels the passes it sold.
 *
 * @param organizationId    the organisation
 * @param siteId            the invoice's site
 * @param invoiceId         the invoice it corrects (also the record key)
 * @param invoiceNumber     that invoice's number
 * @param creditNoteId      the credit note
 * @param creditNoteNumber  its own gapless number, e.g. {@code AV-000007}
 * @param memberId          who paid the invoice
 * @param lines             the invoice lines credited, as they were sold ({@link InvoiceIssued.Line})
 * @param total             what it gives back, VAT included (with the lines' share of an invoice discount)
 * @param vat               per rate
 * @param whole             whether the invoice is now credited in full
 * @param reason            why, in staff's words
 * @param issuedAt          when
 */
@JsonTypeName("palestra.billing.CreditNoteIssued.v1")
public record CreditNoteIssued(UUID organizationId, UUID siteId, UUID invoiceId, String invoiceNumber,
                               UUID creditNoteId, String creditNoteNumber, UUID memberId, List<InvoiceIssued.Line> lines,
                               Price total, List<InvoiceIssued.Vat> vat, boolean whole, String reason,
                               Instant issuedAt) implements BillingEvent {
}
