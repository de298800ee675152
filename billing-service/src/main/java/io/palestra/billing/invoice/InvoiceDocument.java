package io.palestra.billing.invoice;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Currency;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

/**
 * An issued invoice as a PDF (HTML rendered by openhtmltopdf): the seller and buyer it was issued with, its lines,
 * VAT per rate and totals. Only what was issued is printed, never payments, so it is the same document, byte for
 * byte, every time: its creation date is the issue instant and its file identifier is derived from the invoice.
 * Labels are French, as French law asks of invoices issued in France.
 */
@Component
class InvoiceDocument {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * @throws RuleViolationException {@code invoice-not-issued} for a draft
     */
    byte[] pdf(InvoiceView invoice) {
        if (invoice.number() == null) {
            throw new RuleViolationException("invoice-not-issued", "A cart has no document: issue it first.");
        }
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.withHtmlContent(html(invoice), null);
        builder.withProducer("Palestra");
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument document = renderer.getPdfDocument();
            Calendar issued = GregorianCalendar.from(invoice.issuedAt().atZone(ZoneOffset.UTC));
            PDDocumentInformation info = document.getDocumentInformation();
            info.setCreationDate(issued);
            info.setModificationDate(issued);
            byte[] id = invoice.invoiceId().toString().getBytes(StandardCharsets.US_ASCII);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as XHTML, the template openhtmltopdf renders. */
    String html(InvoiceView invoice) {
        NumberFormat money = NumberFormat.getNumberInstance(Locale.FRANCE);
        int decimals = Math.max(Currency.getInstance(invoice.currency()).getDefaultFractionDigits(), 0);
        money.setMinimumFractionDigits(decimals);
        money.setMaximumFractionDigits(decimals);
        StringBuilder html = new StringBuilder("""
                <html><head><meta charset="UTF-8"/><title>Facture %s</title><style>
                @page { size: A4; margin: 18mm 16mm; }
                body { font-family: Helvetica, sans-serif; font-size: 9.5pt; color: #222; }
                h1 { font-size: 16pt; margin: 0 0 4mm 0; }
                table { width: 100%%; border-collapse: collapse; }
                .parties td { vertical-align: top; width: 50%%; padding: 0; }
                .lines th { text-align: left; border-bottom: 1px solid #444; padding: 2mm 1mm; }
                .lines td { border-bottom: 1px solid #ddd; padding: 2mm 1mm; }
                .num { text-align: right; }
                .totals { width: 60%%; margin-left: 40%%; margin-top: 5mm; }
                .totals td { padding: 1mm; }
                .grand td { font-weight: bold; border-top: 1px solid #444; }
                .muted { color: #666; }
                .notice { margin-top: 10mm; font-size: 8pt; color: #555; }
                </style></head><body>
                """.formatted(text(invoice.number())));
        html.append("<table class=\"parties\"><tr><td>");
        party(html, invoice.seller(), true);
        html.append("</td><td>");
        html.append("<h1>Facture ").append(text(invoice.number())).append("</h1>");
        html.append("<div>Date : ").append(DAY.format(invoice.invoiceDate())).append("</div>");
        html.append("<div>Échéance : ").append(DAY.format(invoice.dueOn())).append("</div><br/>");
        html.append("<div class=\"muted\">Facturé à</div>");
        party(html, invoice.buyer(), false);
        html.append("</td></tr></table><br/>");

        html.append("<table class=\"lines\"><tr><th>Désignation</th><th class=\"num\">Qté</th>")
                .append("<th class=\"num\">PU TTC</th><th class=\"num\">Remise</th><th class=\"num\">TVA</th>")
                .append("<th class=\"num\">Total TTC</th></tr>");
        for (InvoiceLine line : invoice.lines()) {
            Money off = line.discount() == null ? null : line.discount().off(line.gross());
            html.append("<tr><td>").append(text(line.description()));
            if (line.discount() != null && line.discount().reason() != null) {
                html.append("<br/><span class=\"muted\">").append(text(line.discount().reason())).append("</span>");
            }
            html.append("</td><td class=\"num\">").append(line.quantity())
                    .append("</td><td class=\"num\">").append(amount(money, line.unitPrice()))
                    .append("</td><td class=\"num\">").append(off == null ? "" : "-" + amount(money, off))
                    .append("</td><td class=\"num\">").append(percent(line.vatRate()))
                    .append("</td><td class=\"num\">").append(amount(money, line.total())).append("</td></tr>");
        }
        html.append("</table>");

        Totals totals = invoice.totals();
        html.append("<table class=\"totals\">");
        if (totals.discount().signum() > 0) {
            row(html, "Sous-total TTC", amount(money, totals.subtotal()), invoice.currency());
            row(html, "Remise" + (invoice.discount() != null && invoice.discount().reason() != null
                    ? " (" + text(invoice.discount().reason()) + ")" : ""), "-" + amount(money, totals.discount()),
                    invoice.currency());
        }
        Money net = Money.zero(invoice.currency());
        Money vat = Money.zero(invoice.currency());
        for (Totals.VatAmount rate : totals.vat()) {
            row(html, "TVA " + percent(rate.rate()) + " sur " + amount(money, rate.net()) + " HT",
                    amount(money, rate.vat()), invoice.currency());
            net = net.plus(rate.net());
            vat = vat.plus(rate.vat());
        }
        row(html, "Total HT", amount(money, net), invoice.currency());
        row(html, "Total TVA", amount(money, vat), invoice.currency());
        html.append("<tr class=\"grand\"><td>Total TTC</td><td class=\"num\">").append(amount(money, totals.total()))
                .append(" ").append(invoice.currency()).append("</td></tr></table>");
        if (invoice.seller() != null && invoice.seller().notice() != null) {
            html.append("<div class=\"notice\">").append(text(invoice.seller().notice())).append("</div>");
        }
        html.append("</body></html>");
        return html.toString();
    }

    private static void party(StringBuilder html, Party party, boolean seller) {
        if (party == null) {
            return;
        }
        if (party.name() != null) {
            html.append("<div><b>").append(text(party.name())).append("</b></div>");
        }
        if (party.reference() != null) {
            html.append("<div class=\"muted\">Membre ").append(text(party.reference())).append("</div>");
        }
        for (String line : party.address() == null ? List.<String>of() : party.address()) {
            html.append("<div>").append(text(line)).append("</div>");
        }
        if (seller && party.registrationNumber() != null) {
            html.append("<div>SIRET : ").append(text(party.registrationNumber())).append("</div>");
        }
        if (seller && party.vatNumber() != null) {
            html.append("<div>N° TVA : ").append(text(party.vatNumber())).append("</div>");
        }
        if (party.email() != null) {
            html.append("<div>").append(text(party.email())).append("</div>");
        }
    }

    private static void row(StringBuilder html, String label, String amount, String currency) {
        html.append("<tr><td>").append(label).append("</td><td class=\"num\">").append(amount).append(" ")
                .append(currency).append("</td></tr>");
    }

    private static String amount(NumberFormat format, Money money) {
        return format.format(money.amount()).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }

    private static String text(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
