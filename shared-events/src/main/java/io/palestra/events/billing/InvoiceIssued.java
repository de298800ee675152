package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice was issued under its legal number and will never change (a correction is a credit note). A line selling
 * a class or appointment pack tells subscription-service to issue the pass ({@code reference} is the plan).
 *
 * @param organizationId    the organisation
 * @param siteId            the site it was sold at
 * @param invoiceId         the invoice (also the record key)
 * @param invoiceNumber     its legal number, gapless per organisation, e.g. {@code F-000042}
 * @param memberId          who pays (the account holder for a household member's purchase)
 * @param invoiceDate       the date it reads (may be earlier than {@code issuedAt} for a sale recorded late)
 * @param dueOn             when it is to be paid
 * @param lines             what was sold
 * @param total             what is to be paid, VAT included
 * @param vat               the VAT per rate
 * @param subscriptionId    the subscription whose installment it bills, or null
 * @param installmentNumber that installment's number, or null
 * @param issuedAt          when
 */
@JsonTypeName("palestra.billing.InvoiceIssued.v1")
public record InvoiceIssued(UUID organizationId, UUID siteId, UUID invoiceId, String invoiceNumber, UUID memberId,
                            LocalDate invoiceDate, LocalDate dueOn, List<Line> lines, Price total, List<Vat> vat,
                            @Nullable UUID subscriptionId, @Nullable Integer installmentNumber, Instant issuedAt)
        implements BillingEvent {

    /**
     * @param lineId        the line
     * @param kind          {@code class-pack}, {@code appointment-pack}, {@code membership}, {@code joining-fee},
     *                      {@code shop-item}, {@code session}, {@code gift-card} or {@code other}
     * @param reference     the plan (packs, memberships) or shop item sold, or null
     * @param description   as it reads on the invoice
     * @param quantity      how many
     * @param total         what the line costs, its own discount off, VAT included
     * @param vatRate       percent, as a string, e.g. {@code "20.0"}
     * @param startsOn      a pack's chosen first day, or null
     * @param beneficiaryId the household member it is for when not the payer, or null
     */
    public record Line(UUID lineId, String kind, @Nullable UUID reference, String description, int quantity,
                       Price total, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal vatRate,
                       @Nullable LocalDate startsOn, @Nullable UUID beneficiaryId) {
    }

    /** @param rate percent, as a string; @param net without VAT; @param vat the tax */
    public record Vat(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate, Price net, Price vat) {
    }
}
