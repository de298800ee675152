package io.palestra.billing.product;

import io.palestra.billing.invoice.InvoiceLine;
import io.palestra.billing.invoice.InvoiceMessages.CreditNoteIssued;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceIssued;
import io.palestra.billing.product.ProductMessages.ReturnStock;
import io.palestra.billing.product.ProductMessages.TakeStock;
import io.palestra.platform.axon.StoredAggregates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Moves the shelf with the invoices: an issued invoice takes the shop items it sold, a credit note puts back the ones
 * it credits. Each movement's entry id comes from the line (and the credit note), and a product applies an entry
 * once, so an event handled twice moves nothing twice.
 */
@Component
@ProcessingGroup("stock-keeper")
@DisallowReplay
class StockKeeper {

    private final CommandGateway commands;
    private final StoredAggregates stored;

    StockKeeper(CommandGateway commands, StoredAggregates stored) {
        this.commands = commands;
        this.stored = stored;
    }

    @EventHandler
    void on(InvoiceIssued event) {
        for (InvoiceLine line : event.lines()) {
            if (isProduct(line)) {
                commands.sendAndWait(new TakeStock(line.reference(), line.lineId(), line.quantity(),
                        event.invoiceId(), event.at()));
            }
        }
    }

    @EventHandler
    void on(CreditNoteIssued event) {
        for (InvoiceLine line : event.lines()) {
            if (isProduct(line)) {
                commands.sendAndWait(new ReturnStock(line.reference(), UUID.nameUUIDFromBytes((event.creditNoteId()
                        + ":" + line.lineId()).getBytes(StandardCharsets.UTF_8)), line.quantity(), event.invoiceId(),
                        event.at()));
            }
        }
    }

    /** A shop item of the catalog (a hand-priced one has no product to move). */
    private boolean isProduct(InvoiceLine line) {
        return "shop-item".equals(line.kind()) && line.reference() != null
                && stored.type(line.reference()).filter("Product"::equals).isPresent();
    }
}
