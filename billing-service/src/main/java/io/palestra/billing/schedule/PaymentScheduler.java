package io.palestra.billing.schedule;

import io.palestra.billing.collection.Charges;
import io.palestra.billing.collection.PaymentProvider.Outcome;
import io.palestra.billing.invoice.InvoiceMessages.RecordPayment;
import io.palestra.billing.invoice.Wallets;
import io.palestra.billing.schedule.ScheduleMessages.RecordScheduledOutcome;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentDue;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes each upcoming payment on its day: a postdated cheque is deposited (recorded as a cheque payment), a direct
 * debit or a card is collected through the payment provider. The money goes to the invoice, or to the member's account
 * (a top-up by that method, which the cash report counts) when there is none or the invoice no longer takes it (paid
 * or credited meanwhile): money that came in is never lost. The payment's id is derived from the upcoming payment and
 * its attempt, so an event handled twice pays once. Never replayed: money is collected once.
 */
@Component
@ProcessingGroup("payment-scheduler")
@DisallowReplay
class PaymentScheduler {

    private final Charges charges;
    private final CommandGateway commands;
    private final Wallets wallets;
    private final Clock clock;

    PaymentScheduler(Charges charges, CommandGateway commands, Wallets wallets, Clock clock) {
        this.charges = charges;
        this.commands = commands;
        this.wallets = wallets;
        this.clock = clock;
    }

    @EventHandler
    void on(ScheduledPaymentDue due) {
        UUID paymentId = UUID.nameUUIDFromBytes(("palestra:scheduled-payment:" + due.scheduledPaymentId() + ":"
                + due.attempt()).getBytes(StandardCharsets.UTF_8));
        String reference = due.reference();
        if (!"cheque".equals(due.method())) {
            Outcome outcome = charges.charge(due.organizationId(), due.memberId(), due.scheduledPaymentId(),
                    due.attempt(), due.method(), due.reference(), due.amount(),
                    due.scheduledPaymentId() + ":" + due.attempt());
            if (!outcome.collected()) {
                commands.sendAndWait(new RecordScheduledOutcome(due.scheduledPaymentId(), due.attempt(), false, null,
                        outcome.reason(), clock.instant()));
                return;
            }
            reference = outcome.providerReference();
        }
        Instant at = clock.instant();
        if (due.invoiceId() == null) {
            deposit(due, paymentId, at);
        } else {
            try {
                commands.sendAndWait(new RecordPayment(due.invoiceId(), paymentId, due.method(), due.amount(),
                        reference, "palestra", at));
            } catch (RuleViolationException refused) {
                deposit(due, paymentId, at);
            }
        }
        commands.sendAndWait(new RecordScheduledOutcome(due.scheduledPaymentId(), due.attempt(), true, paymentId, null,
                at));
    }

    private void deposit(ScheduledPaymentDue due, UUID entryId, Instant at) {
        wallets.credit(due.organizationId(), due.memberId(), due.siteId(), entryId, due.amount(), "top-up",
                due.method(), due.invoiceId(), "palestra", at);
    }
}
