package io.palestra.billing.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.palestra.billing.invoice.InvoiceMessages.AddLine;
import io.palestra.billing.invoice.InvoiceMessages.IssueInvoice;
import io.palestra.billing.invoice.InvoiceMessages.OpenInvoice;
import io.palestra.billing.invoice.InvoiceQueries.FindInvoice;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.axon.StoredAggregates;
import io.palestra.platform.errors.DomainException;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Bulk invoices (factures en masse, seed 004): the same lines invoiced to each member of a list, e.g. a tournament's
 * fee or an equipment charge for a whole team. Each invoice's id comes from the batch and the member, and each line's
 * from the invoice, so a batch sent again (after a timeout) invoices no one twice and completes what an interrupted
 * send left as a cart.
 */
@Component
class BulkInvoicing {

    static final int MAX_MEMBERS = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final StoredAggregates aggregates;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final InvoiceDesk desk;
    private final InvoiceParties parties;
    private final Clock clock;

    BulkInvoicing(CommandGateway commands, QueryGateway queries, StoredAggregates aggregates,
                          ReadYourWrites readYourWrites, Organizations organizations, InvoiceDesk desk,
                          InvoiceParties parties, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.aggregates = aggregates;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.desk = desk;
        this.parties = parties;
        this.clock = clock;
    }

    /** A line as on a cart, for every member of the batch. */
    record BulkLine(@NotNull String kind, UUID reference, @Size(max = 300) String description, Integer quantity,
                    Money unitPrice, BigDecimal vatRate, Discount discount, LocalDate startsOn) {
    }

    /**
     * @param batchId   the batch's key: the same batch sent again creates nothing new; default a new one
     * @param issue     false: leave each as a cart to check before issuing; default true
     */
    record BulkRequest(UUID batchId, @NotNull UUID siteId,
                       @NotEmpty @Size(max = MAX_MEMBERS) List<@NotNull UUID> memberIds,
                       @NotEmpty @Size(max = 20) List<@NotNull @Valid BulkLine> lines, LocalDate invoiceDate,
                       LocalDate dueOn, Boolean issue) {
    }

    /**
     * @param outcome {@code created}, {@code existing} (made by an earlier send of the batch) or {@code refused}
     * @param problem why it was refused: its problem code and message
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BulkOutcome(UUID memberId, UUID invoiceId, String number, Money total, String outcome, String problem) {
    }

    record BulkResult(UUID batchId, long created, long existing, long refused, List<BulkOutcome> invoices) {
    }

    /**
     * Invoices the batch's lines to each of its members.
     *
     * @throws InvalidInputException on a line, before anyone is invoiced
     */
    BulkResult run(BulkRequest request, Caller caller) {
        UUID organization = caller.organization();
        UUID siteId = organizations.managedSite(caller, request.siteId());
        UUID batchId = request.batchId() == null ? UUID.randomUUID() : request.batchId();
        boolean issue = request.issue() == null || request.issue();
        String currency = organizations.requiredCurrency(organization);
        List<InvoiceLine> priced = new ArrayList<>();
        List<InvalidField> problems = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            BulkLine line = request.lines().get(i);
            InvoiceLine asked = desk.priced(organization, siteId, new InvoiceLine(UUID.randomUUID(), line.kind(),
                    line.reference(), line.description(), line.quantity() == null ? 1 : line.quantity(),
                    line.unitPrice(), line.vatRate(), line.discount(), line.startsOn(), null));
            String prefix = "lines[" + i + "].";
            asked.problems(currency).forEach(problem -> problems.add(new InvalidField(prefix + problem.field(),
                    problem.message())));
            priced.add(asked);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (UUID memberId : new LinkedHashSet<>(request.memberIds())) {
            UUID invoiceId = UUID.nameUUIDFromBytes(("palestra:bulk-invoice:" + organization + ":" + batchId + ":"
                    + memberId).getBytes(StandardCharsets.UTF_8));
            boolean existed = aggregates.exists(invoiceId);
            if (existed && issued(caller, invoiceId)) {
                outcomes.add(outcome(caller, memberId, invoiceId, "existing", null));
                continue;
            }
            try {
                invoice(caller, siteId, memberId, invoiceId, priced, request, issue, existed);
                outcomes.add(outcome(caller, memberId, invoiceId, existed ? "existing" : "created", null));
            } catch (DomainException refused) {
                outcomes.add(new BulkOutcome(memberId, aggregates.exists(invoiceId) ? invoiceId : null, null, null,
                        "refused", refused.code() + ": " + refused.getMessage()));
            }
        }
        return new BulkResult(batchId, count(outcomes, "created"), count(outcomes, "existing"),
                count(outcomes, "refused"), outcomes);
    }

    private void invoice(Caller caller, UUID siteId, UUID memberId, UUID invoiceId, List<InvoiceLine> priced,
                         BulkRequest request, boolean issue, boolean existed) {
        UUID payer = parties.payer(caller.organization(), memberId);
        if (!existed) {
            commands.sendAndWait(new OpenInvoice(invoiceId, caller.organization(), siteId, payer,
                    payer.equals(memberId) ? null : memberId, caller.subject(), clock.instant()));
        }
        int index = 0;
        for (InvoiceLine line : priced) {
            UUID lineId = UUID.nameUUIDFromBytes((invoiceId + ":line:" + index++).getBytes(StandardCharsets.UTF_8));
            commands.sendAndWait(new AddLine(invoiceId, new InvoiceLine(lineId, line.kind(), line.reference(),
                    line.description(), line.quantity(), line.unitPrice(), line.vatRate(), line.discount(),
                    line.startsOn(), payer.equals(memberId) ? null : memberId), caller.subject(), clock.instant()));
        }
        if (issue) {
            commands.sendAndWait(new IssueInvoice(invoiceId, request.invoiceDate(), request.dueOn(),
                    caller.subject(), clock.instant()));
        }
    }

    /** Whether an invoice an earlier send of the batch made was issued (else it is resumed: lines, then issue). */
    private boolean issued(Caller caller, UUID invoiceId) {
        readYourWrites.await(InvoiceDirectory.GROUP, invoiceId.toString());
        return queries.query(new FindInvoice(caller.organization(), invoiceId,
                        organizations.today(caller.organization(), null, clock)),
                ResponseTypes.optionalInstanceOf(InvoiceView.class)).join()
                .map(invoice -> invoice.number() != null).orElse(false);
    }

    private BulkOutcome outcome(Caller caller, UUID memberId, UUID invoiceId, String outcome, String problem) {
        readYourWrites.await(InvoiceDirectory.GROUP, invoiceId.toString());
        InvoiceView invoice = queries.query(new FindInvoice(caller.organization(), invoiceId,
                        organizations.today(caller.organization(), null, clock)),
                ResponseTypes.optionalInstanceOf(InvoiceView.class)).join().orElse(null);
        return new BulkOutcome(memberId, invoiceId, invoice == null ? null : invoice.number(),
                invoice == null ? null : invoice.totals().total(), outcome, problem);
    }

    private static long count(List<BulkOutcome> outcomes, String outcome) {
        return outcomes.stream().filter(each -> each.outcome().equals(outcome)).count();
    }
}
