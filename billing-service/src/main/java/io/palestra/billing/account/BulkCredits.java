package io.palestra.billing.account;

import io.palestra.billing.account.AccountMessages.CreditAccount;
import io.palestra.platform.money.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Bulk credits (crédits en masse, seed 004): the same goodwill credit on each account of a list, the reason on each
 * entry. Each entry's id comes from the batch and the member, and an account applies an entry once, so a batch sent
 * again credits no one twice.
 */
@Component
class BulkCredits {

    /** @param credited credited by this send; @param already credited by an earlier send of the batch */
    record Credited(UUID batchId, List<UUID> credited, List<UUID> already) {
    }

    private final CommandGateway commands;
    private final Clock clock;

    BulkCredits(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** @param batchId the batch's key, or null: a new batch */
    Credited credit(UUID organization, UUID siteId, UUID batchId, List<UUID> members, Money amount, String reason,
                    String actor) {
        UUID batch = batchId == null ? UUID.randomUUID() : batchId;
        List<UUID> credited = new ArrayList<>();
        List<UUID> already = new ArrayList<>();
        for (UUID memberId : new LinkedHashSet<>(members)) {
            UUID entry = UUID.nameUUIDFromBytes(("palestra:bulk-credit:" + batch + ":" + memberId)
                    .getBytes(StandardCharsets.UTF_8));
            Object fresh = commands.sendAndWait(new CreditAccount(AccountMessages.accountOf(organization, memberId),
                    organization, memberId, siteId, entry, amount, "goodwill", null, null, actor, clock.instant(),
                    reason));
            (Boolean.FALSE.equals(fresh) ? already : credited).add(memberId);
        }
        return new Credited(batch, credited, already);
    }
}
