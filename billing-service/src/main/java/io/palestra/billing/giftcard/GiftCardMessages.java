package io.palestra.billing.giftcard;

import io.palestra.platform.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Commands and events of gift cards (cartes cadeaux, seeds 000, 001 and 004). */
public final class GiftCardMessages {

    private GiftCardMessages() {
    }

    /** An issued invoice sold the card: issued once per invoice line and unit (its id is derived from them). */
    public record IssueGiftCard(@TargetAggregateIdentifier UUID giftCardId, UUID organizationId, UUID siteId,
                                UUID invoiceId, UUID buyerId, Money amount, LocalDate expiresOn, Instant at) {
    }

    /** The holder puts the card on a member's account: once, before it expires. */
    public record ActivateGiftCard(@TargetAggregateIdentifier UUID giftCardId, UUID memberId, UUID siteId,
                                   LocalDate today, String actor, Instant at) {
    }

    /** Sends the card (again) by e-mail while it is unused. */
    public record SendGiftCard(@TargetAggregateIdentifier UUID giftCardId, String recipientEmail, LocalDate today,
                               String actor, Instant at) {
    }

    /** A credit note took back the sale: an unused card can no longer be used. */
    public record CancelGiftCard(@TargetAggregateIdentifier UUID giftCardId, UUID creditNoteId, Instant at) {
    }

    /** @param code what the holder types; generated, unguessable */
    public record GiftCardIssued(UUID giftCardId, UUID organizationId, UUID siteId, UUID invoiceId, UUID buyerId,
                                 String code, Money amount, LocalDate expiresOn, Instant at) {
    }

    /** The card's amount was put on {@code memberId}'s account. */
    public record GiftCardActivated(UUID giftCardId, UUID organizationId, UUID siteId, UUID memberId, Money amount,
                                    String actor, Instant at) {
    }

    public record GiftCardSent(UUID giftCardId, UUID organizationId, UUID buyerId, String code, Money amount,
                               LocalDate expiresOn, String recipientEmail, String actor, Instant at) {
    }

    public record GiftCardCancelled(UUID giftCardId, UUID organizationId, UUID creditNoteId, Instant at) {
    }

    /** The card sold by unit {@code unit} (from 1) of an invoice line: the same id every time. */
    public static UUID giftCardOf(UUID lineId, int unit) {
        return UUID.nameUUIDFromBytes(("palestra:gift-card:" + lineId + ":" + unit).getBytes(StandardCharsets.UTF_8));
    }
}
