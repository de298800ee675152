package io.palestra.subscription.integration;

import io.palestra.events.billing.CreditNoteIssued;
import io.palestra.events.billing.InvoiceIssued;
import io.palestra.events.billing.InvoicePaid;
import io.palestra.events.billing.MandateRecorded;
import io.palestra.events.billing.MandateRevoked;
import io.palestra.events.billing.PaymentFailed;
import io.palestra.platform.axon.StoredAggregates;
import io.palestra.platform.inbox.InboundEvent;
import io.palestra.platform.inbox.InboundEvents;
import io.palestra.platform.inbox.Inbox;
import io.palestra.subscription.member.Members;
import io.palestra.subscription.pass.PassMessages.IssuePass;
import io.palestra.subscription.pass.PassMessages.RevokeSale;
import io.palestra.subscription.subscription.MandateChanges;
import io.palestra.subscription.subscription.SubscriptionMessages.RecordInstallmentPaid;
import io.palestra.subscription.subscription.SubscriptionMessages.RecordPaymentFailed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * What subscription-service reads from {@code palestra.billing.events}, once per event (the inbox): the outcome of
 * collecting a subscription's installment, and the packs sold. A failed payment makes the subscription need attention
 * until the invoice is paid; a payment that arrives before or after a failure, or twice, leaves the same state. An
 * issued invoice issues a pass for each pack it sold (one per unit), to the line's beneficiary or else the payer, the
 * invoice number as the sale's reference; the pass's id is derived from the invoice line, so it is issued once. A
 * credit note for a pack line cancels those passes. A mandate recorded for a member gives its reference to the
 * member's direct-debit subscriptions that need one; a revoked one takes it back (see {@link MandateChanges}).
 */
@Component
class BillingEvents {

    static final String CONSUMER = "subscriptions.installment-outcomes";

    private final Inbox inbox;
    private final CommandGateway commands;
    private final Members members;
    private final StoredAggregates aggregates;
    private final MandateChanges mandates;
    private final Clock clock;

    BillingEvents(Inbox inbox, CommandGateway commands, Members members, StoredAggregates aggregates,
                  MandateChanges mandates, Clock clock) {
        this.mandates = mandates;
        this.inbox = inbox;
        this.commands = commands;
        this.members = members;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    private static boolean pack(InvoiceIssued.Line line) {
        return ("class-pack".equals(line.kind()) || "appointment-pack".equals(line.kind())) && line.reference() != null;
    }

    private void issuePasses(InvoiceIssued issued) {
        for (InvoiceIssued.Line line : issued.lines().stream().filter(BillingEvents::pack).toList()) {
            UUID holder = members.current(line.beneficiaryId() != null ? line.beneficiaryId() : issued.memberId());
            for (int unit = 0; unit < line.quantity(); unit++) {
                UUID passId = soldPass(issued.invoiceId(), line, unit);
                if (!aggregates.exists(passId)) {
                    commands.sendAndWait(new IssuePass(passId, issued.organizationId(), holder, line.reference(),
                            issued.invoiceNumber(), line.startsOn(), "billing", clock.instant()));
                }
            }
        }
    }

    /** A credited pack line cancels the passes it sold (those not ended already), their credits with them. */
    private void revokePasses(CreditNoteIssued credited) {
        for (InvoiceIssued.Line line : credited.lines().stream().filter(BillingEvents::pack).toList()) {
            for (int unit = 0; unit < line.quantity(); unit++) {
                UUID passId = soldPass(credited.invoiceId(), line, unit);
                if (aggregates.exists(passId)) {
                    commands.sendAndWait(new RevokeSale(passId, "credit note " + credited.creditNoteNumber() + ": "
                            + credited.reason(), clock.instant()));
                }
            }
        }
    }

    private static UUID soldPass(UUID invoiceId, InvoiceIssued.Line line, int unit) {
        return UUID.nameUUIDFromBytes(("palestra:sold-pass:" + invoiceId + ":" + line.lineId() + ":" + unit)
                .getBytes(StandardCharsets.UTF_8));
    }

    @KafkaListener(topics = "palestra.billing.events", groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvents.read(record);
        event.event().ifPresent(payload -> {
            if (payload instanceof InvoiceIssued issued && issued.lines().stream().anyMatch(BillingEvents::pack)) {
                inbox.handleOnce(CONSUMER, event, () -> issuePasses(issued));
            } else if (payload instanceof CreditNoteIssued credited
                    && credited.lines().stream().anyMatch(BillingEvents::pack)) {
                inbox.handleOnce(CONSUMER, event, () -> revokePasses(credited));
            } else if (payload instanceof InvoicePaid paid && paid.subscriptionId() != null
                    && paid.installmentNumber() != null) {
                inbox.handleOnce(CONSUMER, event, () -> commands.sendAndWait(new RecordInstallmentPaid(
                        paid.subscriptionId(), paid.installmentNumber(), paid.invoiceId(), clock.instant())));
            } else if (payload instanceof MandateRecorded recorded) {
                inbox.handleOnce(CONSUMER, event, () -> mandates.recorded(recorded.organizationId(),
                        recorded.memberId(), recorded.reference(), clock.instant()));
            } else if (payload instanceof MandateRevoked revoked) {
                inbox.handleOnce(CONSUMER, event, () -> mandates.revoked(revoked.organizationId(),
                        revoked.memberId(), revoked.reference(), clock.instant()));
            } else if (payload instanceof PaymentFailed failed && failed.subscriptionId() != null
                    && failed.installmentNumber() != null) {
                inbox.handleOnce(CONSUMER, event, () -> commands.sendAndWait(new RecordPaymentFailed(
                        failed.subscriptionId(), failed.installmentNumber(), failed.invoiceId(), failed.reason(),
                        clock.instant())));
            }
        });
    }
}
