package io.palestra.billing.schedule;

import io.palestra.billing.invoice.InvoiceMessages.RecordPayment;
import io.palestra.billing.invoice.InvoiceQueries;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.billing.invoice.InvoiceQueries.PaymentView;
import io.palestra.billing.invoice.PaymentMethods;
import io.palestra.billing.schedule.ScheduleMessages.SchedulePayment;
import io.palestra.billing.schedule.UpcomingPayments.UpcomingPayment;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.axon.StoredAggregates;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How invoices are paid over time: upcoming payments scheduled within what is left to pay, and payment plans, which
 * record what a backdated sale says was already paid (received on its day) and schedule the rest. A plan is checked
 * whole before anything is recorded, and its entries' ids come from the invoice, the plan and their place, so the same
 * plan sent again records nothing twice.
 */
@Component
class PaymentPlans {

    /**
     * @param dueOn today or before: paid already, by {@code method} (any method the organisation takes but wallet,
     *              gift card and aid); after today: to be made on that day (cheque, direct-debit or card)
     */
    record PlannedPayment(@NotNull LocalDate dueOn, @NotNull Money amount, @NotNull String method,
                          @Size(max = 160) String reference) {
    }

    /** @param paymentIds the payments recorded; @param scheduledIds the upcoming payments scheduled */
    record Recorded(List<UUID> paymentIds, List<UUID> scheduledIds) {
    }

    private final CommandGateway commands;
    private final UpcomingPayments upcoming;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final PaymentMethods methods;
    private final StoredAggregates aggregates;
    private final Clock clock;

    PaymentPlans(CommandGateway commands, UpcomingPayments upcoming, ReadYourWrites readYourWrites,
                 Organizations organizations, PaymentMethods methods, StoredAggregates aggregates, Clock clock) {
        this.commands = commands;
        this.upcoming = upcoming;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.methods = methods;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /**
     * Records an issued invoice's plan.
     *
     * @param planId the plan's key, or null: a new plan
     * @throws InvalidInputException  on an entry's amount, method or day
     * @throws RuleViolationException {@code amount-exceeds-balance} when the plan asks more than is left to pay
     */
    Recorded record(UUID organization, InvoiceView invoice, UUID planId, List<PlannedPayment> payments,
                    String actor) {
        ZoneId zone = organizations.zone(organization, invoice.siteId());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        UUID plan = planId == null ? UUID.randomUUID() : planId;
        Set<UUID> paid = invoice.payments().stream().map(PaymentView::paymentId).collect(Collectors.toSet());
        List<UUID> ids = new ArrayList<>();
        Money total = Money.zero(invoice.currency());
        for (int i = 0; i < payments.size(); i++) {
            PlannedPayment planned = payments.get(i);
            String field = "payments[" + i + "]";
            planned.amount().problemAsMovementIn(invoice.currency()).ifPresent(problem -> {
                throw InvalidInputException.of(field + ".amount", problem);
            });
            boolean made = !planned.dueOn().isAfter(today);
            if (made) {
                methods.require(organization, planned.method(), field + ".method");
            }
            if (made && PaymentMethods.INSIDE.contains(planned.method())) {
                throw InvalidInputException.of(field + ".method", "cannot be wallet, gift-card or scholarship in "
                        + "a plan: pay with them on the invoice");
            }
            if (!made && !ScheduleMessages.METHODS.contains(planned.method())) {
                throw InvalidInputException.of(field + ".method", "must be cheque, direct-debit or card for a "
                        + "payment to come");
            }
            if (made && invoice.invoiceDate() != null && planned.dueOn().isBefore(invoice.invoiceDate())) {
                throw InvalidInputException.of(field + ".dueOn", "cannot be before the invoice date");
            }
            UUID entryId = UUID.nameUUIDFromBytes(("palestra:payment-plan:" + invoice.invoiceId() + ":" + plan + ":"
                    + i).getBytes(StandardCharsets.UTF_8));
            ids.add(entryId);
            if (!paid.contains(entryId) && !aggregates.exists(entryId)) {
                total = total.plus(planned.amount());
            }
        }
        leftToSchedule(organization, invoice, total);
        List<UUID> paymentIds = new ArrayList<>();
        List<UUID> scheduled = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            PlannedPayment planned = payments.get(i);
            if (planned.dueOn().isAfter(today)) {
                scheduled.add(schedule(organization, ids.get(i), invoice.siteId(), invoice.memberId(),
                        invoice.invoiceId(), planned.method(), planned.amount(), planned.dueOn(), planned.reference(),
                        actor));
            } else {
                UUID paymentId = ids.get(i);
                boolean late = planned.dueOn().isBefore(today);
                String recorded = "recorded on " + today;
                commands.sendAndWait(new RecordPayment(invoice.invoiceId(), paymentId, planned.method(),
                        planned.amount(), !late ? planned.reference() : planned.reference() == null ? recorded
                        : planned.reference() + " (" + recorded + ")", actor,
                        late ? planned.dueOn().atTime(LocalTime.NOON).atZone(zone).toInstant() : clock.instant()));
                paymentIds.add(paymentId);
            }
        }
        readYourWrites.await(InvoiceQueries.PROJECTION, invoice.invoiceId().toString());
        return new Recorded(paymentIds, scheduled);
    }

    /** Schedules one upcoming payment; the same id twice schedules once. */
    UUID schedule(UUID organization, UUID id, UUID siteId, UUID memberId, UUID invoiceId, String method, Money amount,
                  LocalDate dueOn, String reference, String actor) {
        commands.sendAndWait(new SchedulePayment(id, organization, siteId, memberId, invoiceId, method, amount, dueOn,
                reference, organizations.today(organization, siteId, clock), actor, clock.instant()));
        return id;
    }

    /** @throws RuleViolationException {@code amount-exceeds-balance} when more would be scheduled than is left */
    void leftToSchedule(UUID organization, InvoiceView invoice, Money more) {
        Money open = upcoming.list(organization, null, null, invoice.invoiceId(), List.of(), null, null, 500, 0)
                .stream().map(UpcomingPayment::amount).reduce(Money.zero(invoice.currency()), Money::plus);
        if (open.plus(more).exceeds(invoice.balance())) {
            throw new RuleViolationException("amount-exceeds-balance", "Invoice " + invoice.number() + " has "
                    + invoice.balance().amount() + " " + invoice.currency() + " left to pay, and "
                    + open.amount() + " is already scheduled.");
        }
    }

}
