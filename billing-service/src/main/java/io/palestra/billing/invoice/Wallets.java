package io.palestra.billing.invoice;

import io.palestra.platform.money.Money;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The members' accounts as invoices use them: what paying from the wallet takes, and gives back when undone. */
public interface Wallets {

    /**
     * Takes {@code amount} off the member's account, once per {@code entryId}.
     *
     * @param cause {@code payment} or {@code withdrawal}
     * @throws io.palestra.platform.errors.RuleViolationException {@code insufficient-balance} when the account holds
     *                                                            less
     */
    void take(UUID organizationId, UUID memberId, UUID entryId, Money amount, String cause, UUID invoiceId,
              String actor, Instant at);

    /** The entry of an account movement caused by {@code cause} (a payment, a refund): the same every time. */
    static UUID entry(UUID cause, String what) {
        return UUID.nameUUIDFromBytes((cause + ":" + what).getBytes(StandardCharsets.UTF_8));
    }

    /** Gives {@code amount} back to the account (a step undone), once per {@code entryId}. */
    default void giveBack(UUID organizationId, UUID memberId, UUID siteId, UUID entryId, Money amount,
                          UUID invoiceId, String actor, Instant at) {
        credit(organizationId, memberId, siteId, entryId, amount, "reversal", null, invoiceId, actor, at);
    }

    /**
     * Puts {@code amount} on the account, once per {@code entryId}.
     *
     * @param cause  e.g. {@code reversal}, {@code overpayment}
     * @param method how the money came in, or null
     */
    void credit(UUID organizationId, UUID memberId, UUID siteId, UUID entryId, Money amount, String cause,
                String method, UUID invoiceId, String actor, Instant at);
}
