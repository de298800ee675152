package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A gift card is to be e-mailed (when sold, or sent again while unused): the mailer sends {@code code} to
 * {@code recipientEmail}, or to the buyer when it is null. The code is what the holder types to put the card on their
 * account: this record is the only published one that carries a secret, so readers other than the mailer ignore it.
 *
 * @param organizationId the organisation
 * @param giftCardId     the gift card (also the record key)
 * @param code           what the holder types, e.g. {@code GC-7KQ4-M2XP-9TRD}
 * @param amount         what it puts on the account
 * @param expiresOn      last day it can be used
 * @param buyerId        the member who bought it
 * @param recipientEmail where to send it, or null: to the buyer
 * @param sentAt         when it was asked for
 */
@JsonTypeName("palestra.billing.GiftCardSent.v1")
public record GiftCardSent(UUID organizationId, UUID giftCardId, String code, Price amount, LocalDate expiresOn,
                           UUID buyerId, @Nullable String recipientEmail, Instant sentAt) implements BillingEvent {
}
