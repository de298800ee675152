package io.palestra.billing.account;

import io.palestra.billing.account.AccountMessages.CreditAccount;
import io.palestra.billing.account.AccountMessages.DebitAccount;
import io.palestra.billing.invoice.Wallets;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.money.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Invoices' use of the members' accounts, as commands to {@link Account} (which never lets a balance go negative). */
@Component
class AccountWallets implements Wallets {

    private final CommandGateway commands;
    private final ReadYourWrites readYourWrites;

    AccountWallets(CommandGateway commands, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void take(UUID organizationId, UUID memberId, UUID entryId, Money amount, String cause, UUID invoiceId,
                     String actor, Instant at) {
        UUID account = AccountMessages.accountOf(organizationId, memberId);
        commands.sendAndWait(new DebitAccount(account, entryId, amount, cause, invoiceId, actor, at));
        readYourWrites.await(AccountDirectory.GROUP, account.toString());
    }

    @Override
    public void credit(UUID organizationId, UUID memberId, UUID siteId, UUID entryId, Money amount, String cause,
                       String method, UUID invoiceId, String actor, Instant at) {
        UUID account = AccountMessages.accountOf(organizationId, memberId);
        commands.sendAndWait(new CreditAccount(account, organizationId, memberId, siteId, entryId, amount, cause,
                method, invoiceId, actor, at));
        readYourWrites.await(AccountDirectory.GROUP, account.toString());
    }
}
