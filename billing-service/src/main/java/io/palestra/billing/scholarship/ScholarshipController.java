package io.palestra.billing.scholarship;

import io.palestra.billing.invoice.InvoiceLine;
import io.palestra.billing.scholarship.ScholarshipDirectory.ScholarshipList;
import io.palestra.billing.scholarship.ScholarshipDirectory.ScholarshipView;
import io.palestra.billing.scholarship.ScholarshipMessages.GrantScholarship;
import io.palestra.billing.scholarship.ScholarshipMessages.WithdrawScholarship;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.READERS;

/**
 * Financial aid (bourses) granted to a member or to their account, used at checkout as a payment of method
 * {@code scholarship} on the invoice ({@code POST /api/v1/invoices/{id}/payments} with its {@code scholarshipId}).
 */
@RestController
@RequestMapping("/api/v1/accounts/{memberId}/scholarships")
@Tag(name = "Accounts")
class ScholarshipController {

    private final CommandGateway commands;
    private final ScholarshipDirectory scholarships;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final Clock clock;

    ScholarshipController(CommandGateway commands, ScholarshipDirectory scholarships, ReadYourWrites readYourWrites,
                          Organizations organizations, Clock clock) {
        this.commands = commands;
        this.scholarships = scholarships;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * @param scope     person (only this member's purchases) or account (anything billed to this member, the
     *                  household's holder, for any member of the account)
     * @param kinds     the purchases it pays for (line kinds, e.g. class-pack, membership, shop-item); empty: all
     *                  but gift cards
     * @param validFrom default today
     */
    record GrantRequest(@NotNull @Size(min = 1, max = 200) @Schema(example = "Pass'Sport 2027") String name,
                        @NotNull @Schema(example = "person") String scope, @NotNull Money amount, LocalDate validFrom,
                        LocalDate validUntil, Set<@NotNull String> kinds) {
    }

    record WithdrawRequest(@NotNull @Size(min = 1, max = 500) String reason) {
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Grant financial aid (une bourse) to a member or to their account",
            description = "Used at checkout by paying with method scholarship and its scholarshipId, for eligible "
                    + "purchases only.")
    ResponseEntity<ScholarshipView> grant(@PathVariable UUID memberId, @Valid @RequestBody GrantRequest request,
                                          Caller caller) {
        UUID organization = caller.organization();
        request.amount().problemAsMovementIn(organizations.requiredCurrency(organization)).ifPresent(problem -> {
            throw InvalidInputException.of("amount", problem);
        });
        Set<String> kinds = request.kinds() == null ? Set.of() : request.kinds();
        if (!InvoiceLine.KINDS.containsAll(kinds)) {
            throw InvalidInputException.of("kinds", "must be invoice line kinds, e.g. class-pack, membership");
        }
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new GrantScholarship(id, organization, memberId, request.scope(), request.name(),
                request.amount(), request.validFrom() == null ? organizations.today(organization, null, clock)
                : request.validFrom(), request.validUntil(), kinds, caller.subject(), clock.instant()));
        readYourWrites.await(ScholarshipDirectory.GROUP, id.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(visible(caller, memberId, id));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The financial aid granted to a member or their account, with what is left")
    ScholarshipList list(@PathVariable UUID memberId, Caller caller) {
        return new ScholarshipList(scholarships.of(caller.organization(), memberId));
    }

    @PostMapping("/{scholarshipId}/withdrawal")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Withdraw what is left of financial aid; what it paid stays paid")
    ScholarshipView withdraw(@PathVariable UUID memberId, @PathVariable UUID scholarshipId,
                             @Valid @RequestBody WithdrawRequest request, Caller caller) {
        visible(caller, memberId, scholarshipId);
        commands.sendAndWait(new WithdrawScholarship(scholarshipId, request.reason(), caller.subject(),
                clock.instant()));
        readYourWrites.await(ScholarshipDirectory.GROUP, scholarshipId.toString());
        return visible(caller, memberId, scholarshipId);
    }

    private ScholarshipView visible(Caller caller, UUID memberId, UUID scholarshipId) {
        return scholarships.find(caller.organization(), scholarshipId)
                .filter(scholarship -> scholarship.granteeId().equals(memberId))
                .orElseThrow(() -> NotFoundException.of("scholarship", scholarshipId));
    }
}
