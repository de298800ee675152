package io.palestra.billing.invoice;

import io.palestra.billing.catalog.Offers;
import io.palestra.billing.catalog.Offers.Offer;
import io.palestra.billing.invoice.InvoiceMessages.ApplyPromotion;
import io.palestra.billing.invoice.InvoiceMessages.CancelPayment;
import io.palestra.billing.invoice.InvoiceMessages.RecordPayment;
import io.palestra.billing.invoice.InvoiceMessages.RemovePromotion;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.billing.invoice.InvoiceQueries.PaymentView;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the desk does around an invoice beyond one command: pricing a line from the catalog, and the payments that
 * move money on the member's account too (a wallet payment takes it first; a cancellation takes back the credit a
 * payment left). Each step across the invoice and the account is undone when the next is refused.
 */
@Component
class InvoiceDesk {

    private final CommandGateway commands;
    private final Offers offers;
    private final Wallets wallets;
    private final Scholarships scholarships;
    private final ShopItems shop;
    private final Promotions promotions;

    InvoiceDesk(CommandGateway commands, Offers offers, Wallets wallets, Scholarships scholarships, ShopItems shop,
                Promotions promotions) {
        this.scholarships = scholarships;
        this.commands = commands;
        this.offers = offers;
        this.wallets = wallets;
        this.shop = shop;
        this.promotions = promotions;
    }

    /**
     * The line as sold: a pack priced from the catalog (its price and VAT rate, whatever was asked), a shop item of
     * the shop from its product (while there are enough on the shelf), anything else as asked.
     *
     * @throws RuleViolationException {@code sold-by-subscribing}, {@code unknown-offer}, {@code offer-retired},
     *                                {@code offer-not-valid-at-site}, {@code unknown-product},
     *                                {@code product-retired}, {@code out-of-stock}
     */
    InvoiceLine priced(UUID organizationId, UUID siteId, InvoiceLine asked) {
        switch (asked.kind()) {
            case "membership", "joining-fee" -> throw new RuleViolationException("sold-by-subscribing",
                    "Memberships are sold by subscribing (POST /api/v1/subscriptions): each installment reaches "
                            + "billing on its own.");
            case "class-pack", "appointment-pack" -> {
                if (asked.reference() == null) {
                    throw InvalidInputException.of("reference", "is required: the pack's plan id");
                }
                Offer offer = offers.find(organizationId, asked.reference()).filter(found ->
                        found.kind().equals(asked.kind())).orElseThrow(() -> new RuleViolationException(
                        "unknown-offer", "No " + asked.kind() + " " + asked.reference() + " in the catalog "
                        + "(one published a moment ago may take a second to reach billing)."));
                if (offer.retired()) {
                    throw new RuleViolationException("offer-retired", offer.name() + " is no longer sold.");
                }
                if (offer.startsOnAChosenDate() != (asked.startsOn() != null)) {
                    throw InvalidInputException.of("startsOn", offer.startsOnAChosenDate() ? "is required: "
                            + offer.name() + " starts on a chosen date" : "is only for a pack that starts on a "
                            + "chosen date; " + offer.name() + " starts " + ("first-use".equals(offer.activation())
                            ? "at its first use" : "on its sale"));
                }
                if (!offer.validAt(siteId)) {
                    throw new RuleViolationException("offer-not-valid-at-site", offer.name() + " is not sold at "
                            + "this site.");
                }
                return new InvoiceLine(asked.lineId(), asked.kind(), offer.planId(), asked.description() == null
                        ? offer.name() : asked.description(), asked.quantity(), offer.price(), offer.vatRate(),
                        asked.discount(), asked.startsOn(), asked.beneficiaryId());
            }
            case "gift-card" -> {
                if (asked.vatRate() != null && asked.vatRate().signum() != 0) {
                    throw InvalidInputException.of("vatRate", "a gift card bears no VAT when sold (the sale it pays "
                            + "for does): leave it out or give 0");
                }
                return new InvoiceLine(asked.lineId(), asked.kind(), null, asked.description() == null
                        ? "Carte cadeau" : asked.description(), asked.quantity(), asked.unitPrice(), BigDecimal.ZERO,
                        asked.discount(), null, asked.beneficiaryId());
            }
            case "shop-item" -> {
                if (asked.reference() == null) {
                    return asked;
                }
                ShopItems.ShopItem item = shop.find(organizationId, asked.reference()).orElseThrow(() ->
                        new RuleViolationException("unknown-product", "No item " + asked.reference() + " in the "
                                + "shop."));
                if (item.retired()) {
                    throw new RuleViolationException("product-retired", item.name() + " is no longer sold.");
                }
                if (item.stock() != null && item.stock() < asked.quantity()) {
                    throw new RuleViolationException("out-of-stock", "Only " + Math.max(item.stock(), 0) + " "
                            + item.name() + " on the shelf.");
                }
                return new InvoiceLine(asked.lineId(), asked.kind(), item.productId(), asked.description() == null
                        ? item.name() : asked.description(), asked.quantity(), item.unitPrice(), item.vatRate(),
                        asked.discount(), null, asked.beneficiaryId());
            }
            default -> {
                return asked;
            }
        }
    }

    /**
     * Records a payment; from the wallet, the account pays first (at most what is left to pay), and gets it back if
     * the invoice refuses the payment.
     */
    void pay(UUID organizationId, InvoiceView invoice, RecordPayment payment, LocalDate today) {
        if (!PaymentMethods.WALLET.equals(payment.method()) && !PaymentMethods.SCHOLARSHIP.equals(payment.method())) {
            commands.sendAndWait(payment);
            return;
        }
        Money amount = payment.amount();
        if (invoice.number() != null && amount.amount() != null
                && amount.amount().compareTo(invoice.balance().amount()) > 0) {
            throw new RuleViolationException("amount-exceeds-balance", "At most " + invoice.balance().amount() + " "
                    + invoice.currency() + " is left to pay from the " + payment.method() + ".");
        }
        if (PaymentMethods.SCHOLARSHIP.equals(payment.method())) {
            if (invoice.number() == null) {
                throw new RuleViolationException("invoice-not-issued", "Issue the invoice before it is paid.");
            }
            amount.problemAsMovementIn(invoice.currency()).ifPresent(problem -> {
                throw InvalidInputException.of("amount", problem);
            });
            UUID scholarshipId = UUID.fromString(payment.reference());
            scholarships.use(organizationId, scholarshipId, payment.paymentId(), invoice, amount, today,
                    payment.actor(), payment.at());
            undoneIfRefused(() -> commands.sendAndWait(payment), () -> scholarships.release(scholarshipId,
                    payment.paymentId(), "payment refused", payment.actor(), payment.at()));
            return;
        }
        wallets.take(organizationId, invoice.memberId(), payment.paymentId(), amount, "payment",
                invoice.invoiceId(), payment.actor(), payment.at());
        undoneIfRefused(() -> commands.sendAndWait(payment), () -> wallets.giveBack(organizationId,
                invoice.memberId(), invoice.siteId(), Wallets.entry(payment.paymentId(), "undone"), amount,
                invoice.invoiceId(), payment.actor(), payment.at()));
    }

    /**
     * Cancels a payment; the credit it left on the member's account is taken back first, and the cancellation is
     * refused ({@code credit-spent}) when the member has spent it.
     */
    void cancelPayment(UUID organizationId, InvoiceView invoice, CancelPayment cancel) {
        Money credited = invoice.payments().stream().filter(payment -> payment.paymentId().equals(cancel.paymentId())
                && payment.cancelledAt() == null).map(PaymentView::credited).findFirst().orElse(null);
        PaymentView byAid = invoice.payments().stream().filter(payment -> payment.paymentId()
                .equals(cancel.paymentId()) && PaymentMethods.SCHOLARSHIP.equals(payment.method())).findFirst().orElse(null);
        if (byAid != null) {
            commands.sendAndWait(cancel);
            scholarships.release(UUID.fromString(byAid.reference()), cancel.paymentId(), cancel.reason(),
                    cancel.actor(), cancel.at());
            return;
        }
        if (credited == null || credited.signum() <= 0) {
            commands.sendAndWait(cancel);
            return;
        }
        try {
            wallets.take(organizationId, invoice.memberId(), Wallets.entry(cancel.paymentId(), "withdrawal"),
                    credited, "withdrawal", invoice.invoiceId(), cancel.actor(), cancel.at());
        } catch (RuleViolationException spent) {
            throw new RuleViolationException("credit-spent", "The " + credited.amount() + " " + credited.currency()
                    + " this payment left on the member's account was spent: top the account up before cancelling "
                    + "it.");
        }
        undoneIfRefused(() -> commands.sendAndWait(cancel), () -> wallets.giveBack(organizationId,
                invoice.memberId(), invoice.siteId(), Wallets.entry(cancel.paymentId(), "withdrawal-undone"),
                credited, invoice.invoiceId(), cancel.actor(), cancel.at()));
    }

    /** Puts a promotion code on a cart: the code counts the cart as a use, let go again if the cart refuses it. */
    void applyPromotion(UUID organizationId, InvoiceView invoice, String code, LocalDate today, String actor,
                        Instant at) {
        if (invoice.number() != null) {
            throw new RuleViolationException("invoice-issued", "Invoice " + invoice.number() + " is issued: it no "
                    + "longer changes.");
        }
        Promotions.Redeemed redeemed = promotions.redeem(organizationId, code, invoice.invoiceId(),
                invoice.memberId(), today, actor, at);
        undoneIfRefused(() -> commands.sendAndWait(new ApplyPromotion(invoice.invoiceId(), redeemed.promotionId(),
                redeemed.code(), redeemed.discount(), redeemed.appliesTo(), actor, at)), () ->
                promotions.release(redeemed.promotionId(), invoice.invoiceId(), actor, at));
    }

    /** Takes the promotion code off a cart, and gives its use back. */
    void removePromotion(InvoiceView invoice, String actor, Instant at) {
        if (invoice.promotion() == null) {
            throw NotFoundException.of("promotion", invoice.invoiceId());
        }
        commands.sendAndWait(new RemovePromotion(invoice.invoiceId(), actor, at));
        promotions.release(invoice.promotion().promotionId(), invoice.invoiceId(), actor, at);
    }

    /** Runs {@code step}; if it is refused, {@code undo} puts back what was done before it, and the refusal stands. */
    private static void undoneIfRefused(Runnable step, Runnable undo) {
        try {
            step.run();
        } catch (RuntimeException refused) {
            undo.run();
            throw refused;
        }
    }
}
