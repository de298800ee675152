package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.platform.errors.RuleViolationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.palestra.billing.invoice.TotalsTest.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PDF of an issued invoice: what French law asks it to print, and the same bytes every time. */
class InvoiceDocumentTest {

    private final InvoiceDocument document = new InvoiceDocument();

    @Test
    void anIssuedInvoicePrintsItsPartiesLinesAndVatTheSameEveryTime() throws IOException {
        InvoiceView invoice = invoice("F-000042", Instant.parse("2027-03-01T09:30:00Z"));

        byte[] first = document.pdf(invoice);
        byte[] again = document.pdf(invoice);

        assertThat(again).as("downloaded twice, the same document").isEqualTo(first);
        assertThat(new String(first, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(first)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Facture F-000042", "Studio Lumière SAS", "SIRET : 12345678900012",
                    "N° TVA : FR12123456789", "Anne <Martin>", "Membre A-0001", "01/03/2027", "Carte 10 cours",
                    "Code PRINTEMPS", "1 120,00 -12,00 20 % 108,00", "Gourde 1 15,00 5,5 % 15,00", "sur 90,00 HT",
                    "sur 14,22 HT", "Total TTC\n123,00\nEUR",
                    "Pénalités de retard");
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2027-03-01T09:30:00Z"));
        }
        assertThat(document.pdf(invoice("F-000043", invoice.issuedAt()))).isNotEqualTo(first);
    }

    @Test
    void aCartHasNoDocument() {
        assertThatThrownBy(() -> document.pdf(invoice(null, null))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("issue it first");
    }

    private static InvoiceView invoice(String number, Instant issuedAt) {
        InvoiceLine pack = new InvoiceLine(UUID.fromString("00000000-0000-0000-0000-000000000001"), "class-pack",
                null, "Carte 10 cours", 1, eur("120.00"), new BigDecimal("20.0"), new Discount(null,
                BigDecimal.TEN, "Code PRINTEMPS"), null, null);
        InvoiceLine bottle = new InvoiceLine(UUID.fromString("00000000-0000-0000-0000-000000000002"), "shop-item",
                null, "Gourde", 1, eur("15.00"), new BigDecimal("5.5"), null, null, null);
        List<InvoiceLine> lines = List.of(pack, bottle);
        Totals totals = Totals.of(lines, null, "EUR");
        Party seller = new Party("Studio Lumière SAS", List.of("3 rue Mercière", "69002 Lyon", "FR"),
                "12345678900012", "FR12123456789", "compta@lumiere.fr", null,
                "Pénalités de retard : trois fois le taux d'intérêt légal.");
        Party buyer = new Party("Anne <Martin>", List.of("1 place Bellecour", "69002 Lyon", "FR"), null, null,
                "anne@example.org", "A-0001", null);
        return new InvoiceView(UUID.fromString("00000000-0000-0000-0000-0000000000aa"), UUID.randomUUID(),
                UUID.randomUUID(), null, number, "paid", LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-01"),
                "EUR", lines, null, null, totals, eur("123.00"), eur("0.00"), eur("0.00"), eur("0.00"), eur("0.00"),
                eur("0.00"), null, null, null, seller, buyer, List.of(), List.of(), List.of(), "desk", issuedAt,
                "desk", issuedAt, null, 4);
    }
}
