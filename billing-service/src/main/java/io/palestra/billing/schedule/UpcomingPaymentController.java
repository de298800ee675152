package io.palestra.billing.schedule;

import io.palestra.billing.invoice.InvoiceQueries;
import io.palestra.billing.invoice.InvoiceQueries.FindInvoice;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.billing.schedule.PaymentPlans.PlannedPayment;
import io.palestra.billing.schedule.ScheduleMessages.CancelScheduledPayment;
import io.palestra.billing.schedule.ScheduleMessages.ChangeScheduledPayment;
import io.palestra.billing.schedule.UpcomingPayments.UpcomingList;
import io.palestra.billing.schedule.UpcomingPayments.UpcomingPayment;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.TableExport;
import io.palestra.platform.web.Versions;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.EXPORTERS;
import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.READERS;
import static io.palestra.billing.BillingRoles.SELLERS;

/**
 * Upcoming payments (paiements à venir, seed 004): postdated cheques deposited on their day, direct debits and card
 * payments collected on theirs, for an invoice or the member's account; and an invoice's payment plan, which records
 * what was already paid (a backdated sale) and schedules the rest. The front desk schedules them and changes their
 * method, date or reference; a manager changes an amount or cancels one.
 */
@RestController
@Tag(name = "Payments")
class UpcomingPaymentController {

    private static final int MAX_LIMIT = 500;
    private static final Set<String> STATUSES = Set.of("scheduled", "due", "made", "failed", "cancelled");
    private static final List<String> EXPORT_HEADER = List.of("scheduledPaymentId", "dueOn", "status", "memberId",
            "siteId", "invoiceId", "method", "currency", "amount", "reference", "lastFailure", "paymentId",
            "scheduledBy", "scheduledAt");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UpcomingPayments upcoming;
    private final PaymentPlans plans;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final Clock clock;

    UpcomingPaymentController(CommandGateway commands, QueryGateway queries, UpcomingPayments upcoming,
                              PaymentPlans plans, ReadYourWrites readYourWrites, Organizations organizations,
                              Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.upcoming = upcoming;
        this.plans = plans;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * @param invoiceId the invoice it pays; absent: a deposit on the member's account (memberId and siteId needed)
     * @param method    cheque (a postdated cheque), direct-debit or card
     * @param reference the cheque's number, the mandate reference or the stored card
     */
    record ScheduleRequest(UUID invoiceId, UUID memberId, UUID siteId, @NotNull String method, @NotNull Money amount,
                           @NotNull LocalDate dueOn, @Size(max = 200) String reference) {
    }

    record ChangeRequest(String method, LocalDate dueOn, @Size(max = 200) String reference) {
    }

    record AmountRequest(@NotNull Money amount) {
    }

    record CancelRequest(@NotNull @Size(min = 1, max = 500) String reason) {
    }

    /** @param planId the plan's key: the same plan sent again records and schedules nothing twice */
    record PlanRequest(UUID planId, @NotEmpty @Size(max = 36) List<@NotNull @Valid PlannedPayment> payments) {
    }

    record PlanView(UUID invoiceId, List<UUID> paymentIds, List<UpcomingPayment> upcoming) {
    }

    @PostMapping("/api/v1/payments/upcoming")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Schedule a payment: a postdated cheque, a direct debit or a card payment, on its day",
            description = "For an issued invoice (what is scheduled may not exceed what is left to pay: 422 "
                    + "amount-exceeds-balance) or, without invoiceId, as a deposit on the member's account.")
    ResponseEntity<UpcomingPayment> schedule(@Valid @RequestBody ScheduleRequest request, Caller caller) {
        checkAmount(caller, request.amount());
        UUID organization = caller.organization();
        UUID memberId = request.memberId();
        UUID siteId = request.siteId();
        if (request.invoiceId() != null) {
            InvoiceView invoice = payable(caller, request.invoiceId());
            plans.leftToSchedule(organization, invoice, request.amount());
            memberId = invoice.memberId();
            siteId = invoice.siteId();
        } else if (memberId == null) {
            throw InvalidInputException.of("memberId", "is needed for a deposit on an account");
        } else {
            siteId = organizations.managedSite(caller, siteId);
        }
        UUID id = plans.schedule(organization, UUID.randomUUID(), siteId, memberId, request.invoiceId(),
                request.method(), request.amount(), request.dueOn(), request.reference(), caller.subject());
        UpcomingPayment scheduled = read(caller, id);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(scheduled.version())).body(scheduled);
    }

    @PostMapping("/api/v1/invoices/{id}/payment-plan")
    @PreAuthorize(SELLERS)
    @Operation(summary = "An invoice's payment plan: what was already paid (a backdated sale) and what is to come",
            description = "Payments on or before today are recorded now as received on their day (at noon, so "
                    + "the cash report of that day counts them), their reference saying when they were recorded; "
                    + "later ones become upcoming payments. Together they may not exceed what is left to pay (422 "
                    + "amount-exceeds-balance); a plan refused by its checks records nothing, and the same planId "
                    + "sent again records nothing twice.")
    ResponseEntity<PlanView> plan(@PathVariable UUID id, @Valid @RequestBody PlanRequest request, Caller caller) {
        InvoiceView invoice = payable(caller, id);
        PaymentPlans.Recorded recorded = plans.record(caller.organization(), invoice, request.planId(),
                request.payments(), caller.subject());
        readYourWrites.await(InvoiceQueries.PROJECTION, id.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(new PlanView(id, recorded.paymentIds(),
                recorded.scheduledIds().stream().map(each -> read(caller, each)).toList()));
    }

    @GetMapping("/api/v1/payments/upcoming")
    @PreAuthorize(READERS)
    @Operation(summary = "Upcoming payments, soonest first: a member's, an invoice's, a site's, between two days",
            description = "status: scheduled, due, made, failed, cancelled (default: scheduled, due and failed).")
    UpcomingList list(@RequestParam(required = false) UUID memberId, @RequestParam(required = false) UUID siteId,
                      @RequestParam(required = false) UUID invoiceId,
                      @RequestParam(required = false) List<String> status,
                      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                      @RequestParam(required = false, defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new UpcomingList(visible(caller, upcoming.list(caller.organization(), siteId, memberId, invoiceId,
                statuses(status), from, to, limit, 0)));
    }

    @GetMapping("/api/v1/payments/upcoming/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the upcoming payments as CSV or XLSX", description = "The list's filters apply.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) UUID memberId,
                                                 @RequestParam(required = false) UUID siteId,
                                                 @RequestParam(required = false) UUID invoiceId,
                                                 @RequestParam(required = false) List<String> status,
                                                 @RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to,
                                                 @RequestParam(defaultValue = "csv") String format, Caller caller) {
        TableExport.requireFormat(format);
        List<String> statuses = statuses(status);
        return TableExport.of(format, "upcoming-payments", organizations.today(caller.organization(), null, clock),
                EXPORT_HEADER, TableExport.paged(MAX_LIMIT, (limit, offset) -> upcoming.list(caller.organization(),
                        siteId, memberId, invoiceId, statuses, from, to, limit, offset),
                        payment -> caller.sees(payment.siteId()), payment -> Arrays.asList(
                                payment.scheduledPaymentId(), payment.dueOn(), payment.status(), payment.memberId(),
                                payment.siteId(), payment.invoiceId(), payment.method(), payment.amount().currency(),
                                payment.amount().amount(), payment.reference(), payment.lastFailure(),
                                payment.paymentId(), payment.scheduledBy(), payment.scheduledAt())));
    }

    @GetMapping("/api/v1/payments/upcoming/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "An upcoming payment")
    ResponseEntity<UpcomingPayment> get(@PathVariable UUID id, Caller caller) {
        UpcomingPayment payment = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(payment.version())).body(payment);
    }

    @PatchMapping("/api/v1/payments/upcoming/{id}")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Change an upcoming payment's method, date or reference (front desk)",
            description = "A failed one is tried again on the new date. 422 scheduled-payment-made, "
                    + "scheduled-payment-cancelled, scheduled-payment-in-progress.")
    UpcomingPayment change(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request, Caller caller) {
        UpcomingPayment payment = visible(caller, id);
        commands.sendAndWait(new ChangeScheduledPayment(id, request.method(), null, request.dueOn(),
                request.reference(), organizations.today(caller.organization(), payment.siteId(), clock),
                caller.subject(), clock.instant()));
        return read(caller, id);
    }

    @PutMapping("/api/v1/payments/upcoming/{id}/amount")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change an upcoming payment's amount (managers)",
            description = "For an invoice, what is scheduled may not exceed what is left to pay (422 "
                    + "amount-exceeds-balance).")
    UpcomingPayment amount(@PathVariable UUID id, @Valid @RequestBody AmountRequest request, Caller caller) {
        checkAmount(caller, request.amount());
        UpcomingPayment payment = visible(caller, id);
        if (payment.invoiceId() != null) {
            InvoiceView invoice = payable(caller, payment.invoiceId());
            plans.leftToSchedule(caller.organization(), invoice, request.amount().minus(payment.amount()));
        }
        commands.sendAndWait(new ChangeScheduledPayment(id, null, request.amount(), null, null,
                organizations.today(caller.organization(), payment.siteId(), clock), caller.subject(),
                clock.instant()));
        return read(caller, id);
    }

    @PostMapping("/api/v1/payments/upcoming/{id}/cancellation")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Cancel an upcoming payment (managers), with why",
            description = "The invoice stays due for what it would have paid. 422 scheduled-payment-made.")
    UpcomingPayment cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new CancelScheduledPayment(id, request.reason(), caller.subject(), clock.instant()));
        return read(caller, id);
    }

    /** @throws InvalidInputException unless above zero and in the organisation's currency */
    private void checkAmount(Caller caller, Money amount) {
        amount.problemAsMovementIn(organizations.requiredCurrency(caller.organization())).ifPresent(problem -> {
            throw InvalidInputException.of("amount", problem);
        });
    }

    private InvoiceView payable(Caller caller, UUID invoiceId) {
        InvoiceView invoice = queries.query(new FindInvoice(caller.organization(), invoiceId,
                        organizations.today(caller.organization(), null, clock)),
                ResponseTypes.optionalInstanceOf(InvoiceView.class)).join()
                .filter(found -> caller.sees(found.siteId()))
                .orElseThrow(() -> NotFoundException.of("invoice", invoiceId));
        if (invoice.number() == null) {
            throw new RuleViolationException("invoice-not-issued", "Issue the invoice before planning its payments.");
        }
        if ("cancelled".equals(invoice.status())) {
            throw new RuleViolationException("invoice-credited", "This invoice was cancelled by a credit note.");
        }
        return invoice;
    }

    private UpcomingPayment read(Caller caller, UUID id) {
        readYourWrites.await(UpcomingPayments.GROUP, id.toString());
        return visible(caller, id);
    }

    private UpcomingPayment visible(Caller caller, UUID id) {
        return upcoming.find(caller.organization(), id).filter(payment -> caller.sees(payment.siteId()))
                .orElseThrow(() -> NotFoundException.of("upcoming-payment", id));
    }

    private static List<UpcomingPayment> visible(Caller caller, List<UpcomingPayment> payments) {
        return payments.stream().filter(payment -> caller.sees(payment.siteId())).toList();
    }

    private static List<String> statuses(List<String> given) {
        List<String> statuses = given == null ? List.of() : given;
        if (!STATUSES.containsAll(statuses)) {
            throw InvalidInputException.of("status", "must be among scheduled, due, made, failed, cancelled");
        }
        return statuses;
    }
}
