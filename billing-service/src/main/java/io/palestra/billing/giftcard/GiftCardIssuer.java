package io.palestra.billing.giftcard;

import io.palestra.billing.giftcard.GiftCardMessages.CancelGiftCard;
import io.palestra.billing.giftcard.GiftCardMessages.IssueGiftCard;
import io.palestra.billing.invoice.InvoiceLine;
import io.palestra.billing.invoice.InvoiceMessages.CreditNoteIssued;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceIssued;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issues the gift cards an invoice sold, one per unit of each gift-card line, valid for the configured number of days
 * from the invoice date ({@code palestra.billing.gift-card-validity-days}, 365 by default); a credit note on such a
 * line cancels its cards that were not used. Card ids come from the line, so an event handled twice issues nothing
 * twice.
 */
@Component
@ProcessingGroup("gift-card-issuer")
@DisallowReplay
class GiftCardIssuer {

    private final CommandGateway commands;
    private final int validityDays;

    GiftCardIssuer(CommandGateway commands,
                   @Value("${palestra.billing.gift-card-validity-days:365}") int validityDays) {
        this.commands = commands;
        this.validityDays = validityDays;
    }

    @EventHandler
    void on(InvoiceIssued event) {
        for (InvoiceLine line : event.lines()) {
            if ("gift-card".equals(line.kind())) {
                for (int unit = 1; unit <= line.quantity(); unit++) {
                    commands.sendAndWait(new IssueGiftCard(GiftCardMessages.giftCardOf(line.lineId(), unit),
                            event.organizationId(), event.siteId(), event.invoiceId(), event.memberId(),
                            line.unitPrice(), event.invoiceDate().plusDays(validityDays), event.at()));
                }
            }
        }
    }

    @EventHandler
    void on(CreditNoteIssued event) {
        for (InvoiceLine line : event.lines()) {
            if ("gift-card".equals(line.kind())) {
                for (int unit = 1; unit <= line.quantity(); unit++) {
                    commands.sendAndWait(new CancelGiftCard(GiftCardMessages.giftCardOf(line.lineId(), unit),
                            event.creditNoteId(), event.at()));
                }
            }
        }
    }
}
