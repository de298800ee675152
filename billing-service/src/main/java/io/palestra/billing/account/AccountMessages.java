package io.palestra.billing.account;

import io.palestra.platform.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Commands and events of a member's account (compte client, porte-monnaie): credit the member can spend. */
public final class AccountMessages {

    private AccountMessages() {
    }

    /**
     * Puts money on the account, once per {@code entryId}.
     *
     * @param cause {@code top-up} (paid at the desk), {@code overpayment} (paid beyond an invoice),
     *              {@code refund} (a refund to the wallet), {@code reversal} (a wallet payment undone),
     *              {@code gift-card} (a gift card put on the account)
     * @param method how a top-up was paid (cash, card-terminal...), or null
     * @param invoiceId the invoice it comes from, or null
     */
    public record CreditAccount(@TargetAggregateIdentifier UUID accountId, UUID organizationId, UUID memberId,
                                UUID siteId, UUID entryId, Money amount, String cause, String method, UUID invoiceId,
                                String actor, Instant at, String note) {

        /** A credit whose cause says it all. */
        public CreditAccount(UUID accountId, UUID organizationId, UUID memberId, UUID siteId, UUID entryId,
                             Money amount, String cause, String method, UUID invoiceId, String actor, Instant at) {
            this(accountId, organizationId, memberId, siteId, entryId, amount, cause, method, invoiceId, actor, at,
                    null);
        }
    }

    /**
     * Takes money off the account, once per {@code entryId}, never below zero.
     *
     * @param cause {@code payment} (an invoice paid from the wallet), {@code withdrawal} (the credit of a cancelled
     *              payment taken back)
     */
    public record DebitAccount(@TargetAggregateIdentifier UUID accountId, UUID entryId, Money amount, String cause,
                               UUID invoiceId, String actor, Instant at) {
    }

    /** @param note why, in staff's words (a goodwill credit's reason), or null */
    public record AccountCredited(UUID accountId, UUID organizationId, UUID memberId, UUID siteId, UUID entryId,
                                  Money amount, Money balance, String cause, String method, UUID invoiceId,
                                  String actor, Instant at, String note) {
    }

    public record AccountDebited(UUID accountId, UUID organizationId, UUID memberId, UUID siteId, UUID entryId,
                                 Money amount, Money balance, String cause, UUID invoiceId, String actor, Instant at) {
    }

    /** A member's account in an organisation: the same id every time. */
    public static UUID accountOf(UUID organizationId, UUID memberId) {
        return UUID.nameUUIDFromBytes(("palestra:account:" + organizationId + ":" + memberId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
