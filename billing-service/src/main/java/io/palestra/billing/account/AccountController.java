package io.palestra.billing.account;

import io.palestra.billing.account.AccountDirectory.AccountView;
import io.palestra.billing.account.AccountDirectory.FindAccount;
import io.palestra.billing.account.AccountMessages.CreditAccount;
import io.palestra.billing.invoice.PaymentMethods;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.SELLERS;
import static io.palestra.billing.BillingRoles.READERS;

/** Members' accounts (compte client, porte-monnaie): the balance, the statement, a top-up at the desk. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final PaymentMethods methods;
    private final BulkCredits bulkCredits;
    private final Clock clock;

    AccountController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                      Organizations organizations, PaymentMethods methods, BulkCredits bulkCredits,
                      Clock clock) {
        this.methods = methods;
        this.bulkCredits = bulkCredits;
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** @param method how the member paid it: cash, card-terminal, cheque, transfer... */
    record TopUpRequest(@NotNull UUID siteId, @NotNull Money amount, @NotNull @Size(max = 40) String method) {
    }

    @GetMapping("/{memberId}")
    @PreAuthorize(READERS)
    @Operation(summary = "A member's account: its balance and statement (every credit and debit with its cause and "
            + "the balance after it), latest first",
            description = "Causes: top-up, overpayment (paid beyond an invoice), refund (to the wallet), reversal (a "
                    + "wallet payment undone), payment (an invoice paid from it), withdrawal (the credit of a "
                    + "cancelled payment taken back). A member without movements holds nothing.")
    AccountView get(@PathVariable UUID memberId, @RequestParam(required = false, defaultValue = "100") int limit,
                    Caller caller) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be between 1 and 500");
        }
        return queries.query(new FindAccount(caller.organization(), memberId, limit),
                ResponseTypes.optionalInstanceOf(AccountView.class)).join().orElseGet(() -> new AccountView(memberId,
                Money.zero(organizations.requiredCurrency(caller.organization())), List.of(), 0));
    }

    @PostMapping("/{memberId}/top-ups")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Top up a member's account (dépôt au compte) with money received at the desk",
            description = "The balance pays invoices later (payment method wallet).")
    ResponseEntity<AccountView> topUp(@PathVariable UUID memberId, @Valid @RequestBody TopUpRequest request,
                                      Caller caller) {
        UUID siteId = organizations.managedSite(caller, request.siteId());
        String currency = organizations.requiredCurrency(caller.organization());
        request.amount().problemAsMovementIn(currency).ifPresent(problem -> {
            throw InvalidInputException.of("amount", problem);
        });
        if (PaymentMethods.INSIDE.contains(request.method())) {
            throw InvalidInputException.of("method", "must be how it was paid, e.g. cash, card-terminal");
        }
        methods.require(caller.organization(), request.method(), "method");
        UUID account = AccountMessages.accountOf(caller.organization(), memberId);
        commands.sendAndWait(new CreditAccount(account, caller.organization(), memberId, siteId, UUID.randomUUID(),
                request.amount(), "top-up", request.method(), null, caller.subject(), clock.instant()));
        readYourWrites.await(AccountDirectory.GROUP, account.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(get(memberId, 100, caller));
    }

    /**
     * @param batchId the batch's key: the same batch sent again credits no one twice; default a new one
     * @param reason  why: on each account's entry
     */
    record BulkCreditRequest(UUID batchId, @NotNull UUID siteId,
                             @NotEmpty @Size(max = 500) List<@NotNull UUID> memberIds, @NotNull Money amount,
                             @NotNull @Size(min = 1, max = 500) String reason) {
    }

    /** @param credited the members whose account was credited by this send (not by an earlier one) */
    record BulkCreditResult(UUID batchId, Money amount, String reason, List<UUID> credited, List<UUID> already) {
    }

    @PostMapping("/bulk-credits")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Credit the same amount to each member of a list (crédits en masse), e.g. after a "
            + "cancelled course", description = "Each account gets an entry of cause goodwill, once per batch and "
            + "member: sending the same batchId again credits no one twice. Owners and managers.")
    BulkCreditResult bulkCredit(@Valid @RequestBody BulkCreditRequest request, Caller caller) {
        UUID organization = caller.organization();
        UUID siteId = organizations.managedSite(caller, request.siteId());
        request.amount().problemAsMovementIn(organizations.requiredCurrency(organization)).ifPresent(problem -> {
            throw InvalidInputException.of("amount", problem);
        });
        BulkCredits.Credited done = bulkCredits.credit(organization, siteId, request.batchId(), request.memberIds(),
                request.amount(), request.reason(), caller.subject());
        return new BulkCreditResult(done.batchId(), request.amount().normalized(), request.reason(), done.credited(),
                done.already());
    }
}
