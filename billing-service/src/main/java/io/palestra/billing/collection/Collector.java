package io.palestra.billing.collection;

import io.palestra.billing.invoice.InvoiceMessages.CollectionDue;
import io.palestra.billing.invoice.InvoiceMessages.RecordCollection;
import io.palestra.billing.collection.PaymentProvider.Outcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Asks the payment provider to collect each attempt an invoice makes due ({@link Charges}), and tells the invoice what
 * it answered. The provider is asked with a key per attempt, so an event handled twice (after a crash) collects once;
 * the invoice records an attempt's answer once. Never replayed: money is collected once.
 */
@Component
@ProcessingGroup("collections")
@DisallowReplay
class Collector {

    private final Charges charges;
    private final CommandGateway commands;
    private final Clock clock;

    Collector(Charges charges, CommandGateway commands, Clock clock) {
        this.charges = charges;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(CollectionDue due) {
        Outcome outcome = charges.charge(due.organizationId(), due.memberId(), due.invoiceId(), due.attempt(),
                due.method(), due.paymentReference(), due.amount(), due.invoiceId() + ":" + due.attempt());
        commands.sendAndWait(new RecordCollection(due.invoiceId(), due.attempt(), outcome.collected(),
                outcome.providerReference(), outcome.reason(), clock.instant()));
    }
}
