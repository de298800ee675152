package io.palestra.subscription.integration;

import io.palestra.events.billing.InvoicePaid;
import io.palestra.events.billing.PaymentFailed;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import io.palestra.subscription.subscription.SubscriptionMessages.RecordInstallmentPaid;
import io.palestra.subscription.subscription.SubscriptionMessages.RecordPaymentFailed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * What subscription-service reads from {@code palestra.billing.events}, once per event (the inbox): the outcome of
 * collecting a subscription's installment. A failed payment makes the subscription need attention until the invoice
 * is paid; a payment that arrives before or after a failure, or twice, leaves the same state. Invoices that bill no
 * installment are skipped.
 */
@Component
class BillingEvents {

    static final String CONSUMER = "subscriptions.installment-outcomes";

    private final Inbox inbox;
    private final CommandGateway commands;
    private final Clock clock;

    BillingEvents(Inbox inbox, CommandGateway commands, Clock clock) {
        this.inbox = inbox;
        this.commands = commands;
        this.clock = clock;
    }

    @KafkaListener(topics = "palestra.billing.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (payload instanceof InvoicePaid paid && paid.subscriptionId() != null
                    && paid.installmentNumber() != null) {
                inbox.handleOnce(CONSUMER, event, () -> commands.sendAndWait(new RecordInstallmentPaid(
                        paid.subscriptionId(), paid.installmentNumber(), paid.invoiceId(), clock.instant())));
            } else if (payload instanceof PaymentFailed failed && failed.subscriptionId() != null
                    && failed.installmentNumber() != null) {
                inbox.handleOnce(CONSUMER, event, () -> commands.sendAndWait(new RecordPaymentFailed(
                        failed.subscriptionId(), failed.installmentNumber(), failed.invoiceId(), failed.reason(),
                        clock.instant())));
            }
        });
    }
}
