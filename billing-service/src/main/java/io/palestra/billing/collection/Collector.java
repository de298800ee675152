package io.palestra.billing.collection;

import io.palestra.billing.invoice.InvoiceMessages.CollectionDue;
import io.palestra.billing.invoice.InvoiceMessages.RecordCollection;
import io.palestra.billing.collection.PaymentProvider.Charge;
import io.palestra.billing.collection.PaymentProvider.Outcome;
import io.palestra.billing.mandate.MandateLookup;
import io.palestra.billing.mandate.MandateLookup.KnownMandate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Asks the payment provider to collect each attempt an invoice makes due, and tells the invoice what it answered. A
 * direct debit quoting a mandate billing recorded debits its IBAN; one quoting a revoked mandate fails with
 * {@code mandate-revoked} without asking the provider. The
 * provider is asked with a key per attempt, so an event handled twice (after a crash) collects once; the invoice
 * records an attempt's answer once. Never replayed: money is collected once.
 */
@Component
@ProcessingGroup("collections")
@DisallowReplay
class Collector {

    private final PaymentProvider provider;
    private final MandateLookup mandates;
    private final CommandGateway commands;
    private final Clock clock;

    Collector(PaymentProvider provider, MandateLookup mandates, CommandGateway commands, Clock clock) {
        this.provider = provider;
        this.mandates = mandates;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(CollectionDue due) {
        Optional<KnownMandate> mandate = "direct-debit".equals(due.method()) && due.paymentReference() != null
                ? mandates.byReference(due.organizationId(), due.paymentReference()) : Optional.empty();
        Outcome outcome = mandate.filter(KnownMandate::revoked).isPresent()
                ? new Outcome(false, null, "mandate-revoked")
                : provider.collect(new Charge(due.organizationId(), due.invoiceId(), due.attempt(), due.method(),
                due.paymentReference(), mandate.map(KnownMandate::iban).orElse(null), due.amount(),
                due.invoiceId() + ":" + due.attempt()));
        commands.sendAndWait(new RecordCollection(due.invoiceId(), due.attempt(), outcome.collected(),
                outcome.providerReference(), outcome.reason(), clock.instant()));
    }
}
