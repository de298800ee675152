package io.palestra.billing.integration;

import io.palestra.billing.catalog.Offers;
import io.palestra.billing.invoice.Discount;
import io.palestra.billing.invoice.InvoiceLine;
import io.palestra.billing.invoice.InvoiceMessages;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceInstallment;
import io.palestra.events.subscriptions.InstallmentDue;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import io.palestra.platform.money.Money;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What billing-service reads from {@code palestra.subscriptions.events}, once per event (the inbox): the catalog's
 * offers ({@link Offers}), and each installment that falls due, which becomes its invoice (one per subscription and
 * installment, however often it arrives: the invoice's id is derived from them) and, for direct debits and cards, a
 * collection. Other types are skipped.
 */
@Component
class SubscriptionsEvents {

    static final String CONSUMER = "billing.subscriptions";

    private final Inbox inbox;
    private final Offers offers;
    private final CommandGateway commands;
    private final Clock clock;

    SubscriptionsEvents(Inbox inbox, Offers offers, CommandGateway commands, Clock clock) {
        this.inbox = inbox;
        this.offers = offers;
        this.commands = commands;
        this.clock = clock;
    }

    @KafkaListener(topics = "palestra.subscriptions.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (Offers.isAbout(payload)) {
                inbox.handleOnce(CONSUMER, event, () -> offers.follow(payload));
            } else if (payload instanceof InstallmentDue due) {
                inbox.handleOnce(CONSUMER, event, () -> commands.sendAndWait(invoice(due)));
            }
        });
    }

    private InvoiceInstallment invoice(InstallmentDue due) {
        UUID invoiceId = InvoiceMessages.installmentInvoice(due.subscriptionId(), due.installmentNumber());
        List<InstallmentDue.Line> charged = due.lines().stream().filter(line -> line.amount().amount().signum() >= 0)
                .toList();
        List<InvoiceLine> lines = IntStream.range(0, charged.size()).mapToObj(i -> {
            InstallmentDue.Line line = charged.get(i);
            return new InvoiceLine(UUID.nameUUIDFromBytes((invoiceId + ":" + i).getBytes(StandardCharsets.UTF_8)),
                    InvoiceLine.KINDS.contains(line.kind()) ? line.kind() : "other",
                    "membership".equals(line.kind()) ? due.planId() : null, text(line.description(), line.kind()),
                    1, money(line.amount().amount(), line.amount().currency()), due.vatRate(), null, null, null);
        }).toList();
        List<InstallmentDue.Line> discounts = due.lines().stream().filter(line -> line.amount().amount().signum() < 0)
                .toList();
        Discount discount = discounts.isEmpty() ? null : new Discount(money(discounts.stream()
                .map(line -> line.amount().amount().negate()).reduce(BigDecimal.ZERO, BigDecimal::add),
                due.amount().currency()), null, text(discounts.get(0).description(), "discount"));
        return new InvoiceInstallment(invoiceId, due.organizationId(), due.siteId(), due.memberId(),
                due.subscriptionId(), due.installmentNumber(), due.planId(), lines, discount, due.dueOn(),
                due.paymentMethod(), due.paymentReference(), clock.instant());
    }

    private static String text(String description, String fallback) {
        return description == null || description.isBlank() ? fallback : description;
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount, currency).normalized();
    }
}
