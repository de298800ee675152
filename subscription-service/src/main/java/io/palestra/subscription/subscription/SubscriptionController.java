package io.palestra.subscription.subscription;

import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.PageCursor;
import io.palestra.platform.web.TableExport;
import io.palestra.platform.web.Versions;
import io.palestra.platform.organization.Organizations;
import io.palestra.subscription.subscription.SubscriptionMessages.CancelNow;
import io.palestra.subscription.subscription.SubscriptionMessages.ChangePlan;
import io.palestra.subscription.subscription.SubscriptionMessages.RequestCancellation;
import io.palestra.subscription.subscription.SubscriptionMessages.Resume;
import io.palestra.subscription.subscription.SubscriptionMessages.SchedulePause;
import io.palestra.subscription.subscription.SubscriptionMessages.SetPaymentMethod;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribe;
import io.palestra.subscription.subscription.SubscriptionMessages.WithdrawCancellation;
import io.palestra.subscription.subscription.SubscriptionQueries.CountQueues;
import io.palestra.subscription.subscription.SubscriptionQueries.FindSubscription;
import io.palestra.subscription.subscription.SubscriptionQueries.InstallmentList;
import io.palestra.subscription.subscription.SubscriptionQueries.ListInstallments;
import io.palestra.subscription.subscription.SubscriptionQueries.ListSubscriptions;
import io.palestra.subscription.subscription.SubscriptionQueries.QueueCounts;
import io.palestra.subscription.subscription.SubscriptionQueries.SubscriptionPage;
import io.palestra.subscription.subscription.SubscriptionQueries.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Members' subscriptions to membership plans: subscribe, pause and resume, cancel, change plan, payment method; the
 * list with its work queues and exports; each subscription's installments.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions")
@Validated
class SubscriptionController {

    private static final String SELLERS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK')";
    private static final String MANAGERS = "hasAnyRole('OWNER', 'MANAGER')";
    private static final String READERS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'INTEGRATION', 'ANALYST')";
    private static final String EXPORTERS = "hasAnyRole('OWNER', 'MANAGER', 'ANALYST')";
    private static final List<String> HEADER = List.of("subscription_id", "member_id", "plan", "category", "site_id",
            "status", "status_reason", "starts_on", "last_day", "commitment_ends_on", "next_due_on", "next_amount",
            "price", "currency", "period", "payment_method", "needs_mandate", "failed_installments", "created_at");
    private static final int EXPORT_PAGE = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final Clock clock;

    SubscriptionController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                           Organizations organizations, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.clock = clock;
    }

    record SubscribeRequest(@NotNull UUID memberId, @NotNull UUID planId, @NotNull UUID siteId,
                            @Size(max = 40) String category, LocalDate startsOn, Integer validityMonths,
                            LocalDate firstCollectionOn, SpecialOffer offer, @NotNull PaymentMethod paymentMethod) {
    }

    record PauseRequest(LocalDate from, @NotNull LocalDate until, @Size(max = 500) String reason) {
    }

    record ResumeRequest(LocalDate on) {
    }

    record ReasonRequest(@Size(max = 500) String reason) {
    }

    record PlanChangeRequest(@NotNull UUID planId, @Size(max = 40) String category) {
    }

    @PostMapping
    @PreAuthorize(SELLERS)
    @Operation(summary = "Subscribe a member to a membership plan",
            description = "Start today (default), in the past or in the future; open-ended or for validityMonths; "
                    + "first installment on firstCollectionOn (default: the start); a special offer (percent or "
                    + "amount off the first N installments, or all); the price of a member category. Installments "
                    + "already due (a past start) fall due at once.")
    ResponseEntity<SubscriptionView> subscribe(@Valid @RequestBody SubscribeRequest request, Caller caller) {
        if (!caller.sees(request.siteId())) {
            throw InvalidInputException.of("siteId", "is not one of your sites");
        }
        UUID subscriptionId = UUID.randomUUID();
        commands.sendAndWait(new Subscribe(subscriptionId, caller.organization(), request.memberId(),
                request.siteId(), request.planId(), request.category(), request.startsOn(),
                request.validityMonths(), request.firstCollectionOn(), request.offer(), request.paymentMethod(),
                clock.instant()));
        SubscriptionView subscription = afterChange(caller, subscriptionId);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + subscriptionId))
                .eTag(Versions.etag(subscription.version())).body(subscription);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Subscriptions, filtered and sorted, a page at a time (keyset: pass nextCursor back)",
            description = "queue: needs-mandate, payment-failed, ending-soon (last day within 7 days), "
                    + "payment-due-soon (next installment within 7 days). sort: created, starts, ends, next-billing, "
                    + "with a leading - for the other way (default -created).")
    SubscriptionPage list(@Parameter(description = "any of these statuses") @RequestParam(required = false)
                          List<String> status,
                          @RequestParam(required = false) UUID planId, @RequestParam(required = false) UUID siteId,
                          @RequestParam(required = false) UUID memberId,
                          @RequestParam(required = false) Instant createdFrom,
                          @RequestParam(required = false) Instant createdTo,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate endsFrom,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate endsTo,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate nextBillingFrom,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate nextBillingTo,
                          @RequestParam(required = false) String queue,
                          @RequestParam(defaultValue = "-created") String sort,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Caller caller) {
        SubscriptionFilter filter = filter(caller, status, planId, siteId, memberId, createdFrom, createdTo,
                endsFrom, endsTo, nextBillingFrom, nextBillingTo, queue);
        SubscriptionSort order = SubscriptionSort.of(sort);
        PageCursor after = cursor == null || cursor.isBlank() ? null
                : PageCursor.decode(cursor).requireSort(order.value());
        return queries.query(new ListSubscriptions(caller.organization(), filter, order, limit, after),
                SubscriptionPage.class).join();
    }

    @GetMapping("/queues")
    @PreAuthorize(READERS)
    @Operation(summary = "The work queues with their counts: needs mandate, payment failed, ending within 7 days, "
            + "payment due within 7 days", description = "The list's filters narrow the counts too.")
    QueueCounts queues(@RequestParam(required = false) UUID planId, @RequestParam(required = false) UUID siteId,
                       Caller caller) {
        return queries.query(new CountQueues(caller.organization(), filter(caller, null, planId, siteId, null, null,
                null, null, null, null, null, null)), QueueCounts.class).join();
    }

    @GetMapping("/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the filtered subscription list as CSV or XLSX", description = "The list's filters "
            + "and sort apply; every matching subscription, streamed.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) List<String> status,
                                                 @RequestParam(required = false) UUID planId,
                                                 @RequestParam(required = false) UUID siteId,
                                                 @RequestParam(required = false) String queue,
                                                 @RequestParam(defaultValue = "-created") String sort,
                                                 @RequestParam(defaultValue = "csv") String format, Caller caller) {
        TableExport.requireFormat(format);
        SubscriptionFilter filter = filter(caller, status, planId, siteId, null, null, null, null, null, null, null,
                queue);
        SubscriptionSort order = SubscriptionSort.of(sort);
        UUID organization = caller.organization();
        return TableExport.of(format, "subscriptions", today(organization), HEADER,
                rows -> each(organization, filter, order, subscription -> rows.accept(List.of(
                        subscription.id(), subscription.memberId(), subscription.planName(),
                        text(subscription.category()), subscription.siteId(), subscription.status(),
                        text(subscription.statusReason()), subscription.startsOn(), text(subscription.lastDay()),
                        text(subscription.commitmentEndsOn()), text(subscription.nextDueOn()),
                        subscription.nextAmount() == null ? "" : subscription.nextAmount().amount(),
                        subscription.price().amount(), subscription.price().currency(), subscription.period(),
                        subscription.paymentMethod().type(), subscription.needsMandate(),
                        subscription.failedInstallments(), subscription.createdAt()))));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A subscription: status, dates, next installment, payment method")
    ResponseEntity<SubscriptionView> get(@PathVariable UUID id, Caller caller) {
        SubscriptionView subscription = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(subscription.version())).body(subscription);
    }

    @GetMapping("/{id}/installments")
    @PreAuthorize(READERS)
    @Operation(summary = "The installments that fell due, with their lines and billing's outcome")
    InstallmentList installments(@PathVariable UUID id, Caller caller) {
        visible(caller, id);
        return queries.query(new ListInstallments(caller.organization(), id), InstallmentList.class).join();
    }

    @PostMapping("/{id}/pause")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Pause from a day (today by default) until the day it resumes",
            description = "Nothing falls due for paused days: every period not yet billed that starts within or "
                    + "after the pause moves later by its length, and so do a fixed end and the commitment's end. "
                    + "One pause at a time, at most 366 days; not while a cancellation is pending.")
    ResponseEntity<SubscriptionView> pause(@PathVariable UUID id, @Valid @RequestBody PauseRequest request,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                           Caller caller) {
        return change(caller, id, new SchedulePause(id, request.from(), request.until(), request.reason(),
                clock.instant(), Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/resumption")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Resume early (today by default), or call off a pause that has not begun")
    ResponseEntity<SubscriptionView> resume(@PathVariable UUID id, @RequestBody(required = false)
                                            ResumeRequest request, Caller caller) {
        return change(caller, id, new Resume(id, request == null ? null : request.on(), clock.instant()));
    }

    @PostMapping("/{id}/cancellation-request")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Request cancellation: it ends at the end of the commitment, or of the current period",
            description = "Installments still fall due until then (cancellation requested), then none "
                    + "(cancellation upcoming); after the last day the subscription is cancelled.")
    ResponseEntity<SubscriptionView> requestCancellation(@PathVariable UUID id,
                                                         @Valid @RequestBody(required = false) ReasonRequest request,
                                                         Caller caller) {
        return change(caller, id, new RequestCancellation(id, request == null ? null : request.reason(),
                clock.instant()));
    }

    @DeleteMapping("/{id}/cancellation-request")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Withdraw a cancellation request before its last day")
    ResponseEntity<SubscriptionView> withdrawCancellation(@PathVariable UUID id, Caller caller) {
        return change(caller, id, new WithdrawCancellation(id, clock.instant()));
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Cancel now (manager): nothing more falls due, it covers nothing after today")
    ResponseEntity<SubscriptionView> cancel(@PathVariable UUID id,
                                            @Valid @RequestBody(required = false) ReasonRequest request,
                                            Caller caller) {
        return change(caller, id, new CancelNow(id, request == null ? null : request.reason(), clock.instant()));
    }

    @PostMapping("/{id}/plan-change")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Change to another membership plan of the same period, from the next period",
            description = "The next installment and every one after it are at the new plan's price, and the new "
                    + "plan's entitlements apply from that period's first day.")
    ResponseEntity<SubscriptionView> changePlan(@PathVariable UUID id, @Valid @RequestBody PlanChangeRequest request,
                                                Caller caller) {
        return change(caller, id, new ChangePlan(id, request.planId(), request.category(), clock.instant()));
    }

    @PutMapping("/{id}/payment-method")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Set how installments are collected (a direct debit needs its mandate reference)")
    ResponseEntity<SubscriptionView> paymentMethod(@PathVariable UUID id,
                                                   @Valid @RequestBody @NotNull PaymentMethod request,
                                                   Caller caller) {
        return change(caller, id, new SetPaymentMethod(id, request, clock.instant()));
    }

    private SubscriptionFilter filter(Caller caller, List<String> statuses, UUID planId, UUID siteId, UUID memberId,
                                      Instant createdFrom, Instant createdTo, LocalDate endsFrom, LocalDate endsTo,
                                      LocalDate nextBillingFrom, LocalDate nextBillingTo, String queue) {
        if (statuses != null) {
            for (String status : statuses) {
                try {
                    SubscriptionStatus.of(status);
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of("status", status + " is not a status; statuses: upcoming, "
                            + "active-recurring, active-with-end-date, pause-upcoming, paused, "
                            + "cancellation-requested, cancellation-upcoming, cancelled, expired, needs-attention");
                }
            }
        }
        if (queue != null && !SubscriptionFilter.QUEUES.contains(queue)) {
            throw InvalidInputException.of("queue", "must be one of " + String.join(", ", SubscriptionFilter.QUEUES));
        }
        Set<UUID> sites = siteId != null ? Set.of(siteId) : caller.siteIds().orElse(null);
        if (siteId != null && !caller.sees(siteId)) {
            sites = Set.of();
        }
        return new SubscriptionFilter(statuses, planId, sites, memberId, createdFrom, createdTo, endsFrom, endsTo,
                nextBillingFrom, nextBillingTo, queue, today(caller.organization()));
    }

    private void each(UUID organization, SubscriptionFilter filter, SubscriptionSort sort,
                      Consumer<SubscriptionView> action) {
        PageCursor after = null;
        String next;
        do {
            SubscriptionPage page = queries.query(new ListSubscriptions(organization, filter, sort, EXPORT_PAGE,
                    after), SubscriptionPage.class).join();
            page.items().forEach(action);
            next = page.nextCursor();
            after = next == null ? null : PageCursor.decode(next);
        } while (next != null);
    }

    private LocalDate today(UUID organization) {
        return LocalDate.ofInstant(clock.instant(), organizations.zone(organization, null));
    }

    private SubscriptionView visible(Caller caller, UUID id) {
        return queries.query(new FindSubscription(caller.organization(), id),
                        ResponseTypes.optionalInstanceOf(SubscriptionView.class)).join()
                .filter(subscription -> caller.sees(subscription.siteId()))
                .orElseThrow(() -> NotFoundException.of("subscription", id));
    }

    /** Sends a command about a resource the caller sees, and answers with the resource as it then is. */
    private ResponseEntity<SubscriptionView> change(Caller caller, UUID id, Object command) {
        visible(caller, id);
        commands.sendAndWait(command);
        return answer(caller, id);
    }

    private ResponseEntity<SubscriptionView> answer(Caller caller, UUID id) {
        SubscriptionView subscription = afterChange(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(subscription.version())).body(subscription);
    }

    private SubscriptionView afterChange(Caller caller, UUID id) {
        readYourWrites.await(SubscriptionDirectory.GROUP, id.toString());
        return visible(caller, id);
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
    }
}
