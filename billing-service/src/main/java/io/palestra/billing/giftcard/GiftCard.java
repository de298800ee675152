package io.palestra.billing.giftcard;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.billing.giftcard.GiftCardMessages.ActivateGiftCard;
import io.palestra.billing.giftcard.GiftCardMessages.CancelGiftCard;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardActivated;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardCancelled;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardIssued;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardSent;
import io.palestra.billing.giftcard.GiftCardMessages.IssueGiftCard;
import io.palestra.billing.giftcard.GiftCardMessages.SendGiftCard;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A gift card: a code worth an amount until a date, put once on a member's account (where it pays invoices). The
 * boundary of "used once": two desks activating the same code at the same moment credit one account.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class GiftCard {

    /** No 0/O, 1/I/L: what is read aloud at the desk cannot be mistyped. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @AggregateIdentifier
    private UUID giftCardId;
    private UUID organizationId;
    private UUID buyerId;
    private String code;
    private Money amount;
    private LocalDate expiresOn;
    private UUID activatedFor;
    private boolean cancelled;

    protected GiftCard() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueGiftCard command) {
        if (giftCardId != null) {
            return;
        }
        String code = newCode();
        apply(new GiftCardIssued(command.giftCardId(), command.organizationId(), command.siteId(),
                command.invoiceId(), command.buyerId(), code, command.amount(), command.expiresOn(), command.at()));
        apply(new GiftCardSent(command.giftCardId(), command.organizationId(), command.buyerId(), code,
                command.amount(), command.expiresOn(), null, "palestra", command.at()));
    }

    @CommandHandler
    void handle(ActivateGiftCard command) {
        if (command.memberId().equals(activatedFor)) {
            return;
        }
        usable(command.today());
        apply(new GiftCardActivated(giftCardId, organizationId, command.siteId(), command.memberId(), amount,
                command.actor(), command.at()));
    }

    @CommandHandler
    void handle(SendGiftCard command) {
        if (command.recipientEmail() != null && !command.recipientEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidInputException.of("recipientEmail", "must be an e-mail address");
        }
        usable(command.today());
        apply(new GiftCardSent(giftCardId, organizationId, buyerId, code, amount, expiresOn,
                command.recipientEmail(), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(CancelGiftCard command) {
        if (!cancelled && activatedFor == null) {
            apply(new GiftCardCancelled(giftCardId, organizationId, command.creditNoteId(), command.at()));
        }
    }

    private void usable(LocalDate today) {
        if (cancelled) {
            throw new RuleViolationException("gift-card-cancelled", "This gift card's sale was cancelled.");
        }
        if (activatedFor != null) {
            throw new RuleViolationException("gift-card-used", "This gift card was already put on an account.");
        }
        if (today.isAfter(expiresOn)) {
            throw new RuleViolationException("gift-card-expired", "This gift card expired on " + expiresOn + ".");
        }
    }

    @EventSourcingHandler
    void on(GiftCardIssued event) {
        giftCardId = event.giftCardId();
        organizationId = event.organizationId();
        buyerId = event.buyerId();
        code = event.code();
        amount = event.amount();
        expiresOn = event.expiresOn();
    }

    @EventSourcingHandler
    void on(GiftCardActivated event) {
        activatedFor = event.memberId();
    }

    @EventSourcingHandler
    void on(GiftCardCancelled event) {
        cancelled = true;
    }

    static String newCode() {
        StringBuilder code = new StringBuilder("GC");
        for (int group = 0; group < 3; group++) {
            code.append('-');
            for (int i = 0; i < 4; i++) {
                code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return code.toString();
    }
}
