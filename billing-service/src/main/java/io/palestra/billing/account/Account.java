package io.palestra.billing.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.billing.account.AccountMessages.AccountCredited;
import io.palestra.billing.account.AccountMessages.AccountDebited;
import io.palestra.billing.account.AccountMessages.CreditAccount;
import io.palestra.billing.account.AccountMessages.DebitAccount;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's account (compte client, porte-monnaie du club, seeds 002 and 004): credit the member can spend on
 * invoices. The boundary of its balance, which never goes below zero; every movement is an event with its cause and
 * is applied once (by its entry id), so a redelivered credit or debit moves nothing twice.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Account {

    @AggregateIdentifier
    private UUID accountId;
    private UUID organizationId;
    private UUID memberId;
    private UUID siteId;
    private Money balance;
    private Set<UUID> entries = new HashSet<>();

    protected Account() {
    }

    /** @return false when the entry was credited already */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreditAccount command) {
        if (entries.contains(command.entryId())) {
            return false;
        }
        Money amount = command.amount();
        if (amount == null) {
            throw InvalidInputException.of("amount", "is required");
        }
        valid(amount, balance == null ? amount.currency() : balance.currency());
        Money before = balance == null ? Money.zero(amount.currency()) : balance;
        apply(new AccountCredited(command.accountId(), command.organizationId(), command.memberId(),
                siteId == null ? command.siteId() : siteId, command.entryId(), amount.normalized(),
                before.plus(amount), command.cause(), command.method(), command.invoiceId(), command.actor(),
                command.at(), command.note()));
        return true;
    }

    /** Refused when the account holds less, or nothing at all (an account is opened by its first credit). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DebitAccount command) {
        if (balance == null) {
            throw new RuleViolationException("insufficient-balance", "This member's account holds nothing.");
        }
        if (entries.contains(command.entryId())) {
            return;
        }
        Money amount = command.amount();
        if (amount == null) {
            throw InvalidInputException.of("amount", "is required");
        }
        valid(amount, balance.currency());
        if (amount.exceeds(balance)) {
            throw new RuleViolationException("insufficient-balance", "The account holds " + balance.amount() + " "
                    + balance.currency() + ".");
        }
        apply(new AccountDebited(accountId, organizationId, memberId, siteId, command.entryId(), amount.normalized(),
                balance.minus(amount), command.cause(), command.invoiceId(), command.actor(), command.at()));
    }

    private static void valid(Money amount, String currency) {
        if (amount.problem().isEmpty() && !amount.currency().equals(currency)) {
            throw new RuleViolationException("wrong-currency", "This account is in " + currency + ".");
        }
        amount.problemAsMovementIn(currency).ifPresent(problem -> {
            throw InvalidInputException.of("amount", problem);
        });
    }

    @EventSourcingHandler
    void on(AccountCredited event) {
        accountId = event.accountId();
        organizationId = event.organizationId();
        memberId = event.memberId();
        siteId = event.siteId();
        balance = event.balance();
        entries.add(event.entryId());
    }

    @EventSourcingHandler
    void on(AccountDebited event) {
        balance = event.balance();
        entries.add(event.entryId());
    }
}
