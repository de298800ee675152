package io.palestra.billing.account;

import io.palestra.billing.account.AccountMessages.CreditAccount;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardActivated;
import io.palestra.billing.invoice.InvoiceMessages.PaymentCancelled;
import io.palestra.billing.invoice.InvoiceMessages.PaymentReceived;
import io.palestra.billing.invoice.InvoiceMessages.RefundRecorded;
import io.palestra.billing.invoice.PaymentMethods;
import io.palestra.billing.invoice.Wallets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;


/**
 * Puts on the member's account what invoices give back (what a payment brought beyond the total, a refund to the
 * wallet, a cancelled wallet payment) and the gift cards put on it. Each credit's entry id comes from its cause, and the account applies an entry
 * once, so an event handled twice credits once.
 */
@Component
@ProcessingGroup("account-credits")
class AccountCredits {

    private final CommandGateway commands;

    AccountCredits(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PaymentReceived event) {
        if (event.credited().signum() > 0) {
            commands.sendAndWait(new CreditAccount(AccountMessages.accountOf(event.organizationId(), event.memberId()),
                    event.organizationId(), event.memberId(), event.siteId(), event.paymentId(), event.credited(),
                    "overpayment", event.method(), event.invoiceId(), event.actor(), event.at()));
        }
    }

    @EventHandler
    void on(RefundRecorded event) {
        if (PaymentMethods.WALLET.equals(event.method())) {
            commands.sendAndWait(new CreditAccount(AccountMessages.accountOf(event.organizationId(), event.memberId()),
                    event.organizationId(), event.memberId(), event.siteId(), event.refundId(), event.amount(),
                    "refund", null, event.invoiceId(), event.actor(), event.at()));
        }
    }

    @EventHandler
    void on(GiftCardActivated event) {
        commands.sendAndWait(new CreditAccount(AccountMessages.accountOf(event.organizationId(), event.memberId()),
                event.organizationId(), event.memberId(), event.siteId(), event.giftCardId(), event.amount(),
                "gift-card", null, null, event.actor(), event.at()));
    }

    @EventHandler
    void on(PaymentCancelled event) {
        if (PaymentMethods.WALLET.equals(event.method()) && event.applied().signum() > 0) {
            commands.sendAndWait(new CreditAccount(AccountMessages.accountOf(event.organizationId(), event.memberId()),
                    event.organizationId(), event.memberId(), event.siteId(), Wallets.entry(event.paymentId(), "cancelled"),
                    event.applied(), "reversal", null, event.invoiceId(), event.actor(), event.at()));
        }
    }
}
