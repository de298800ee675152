package io.palestra.billing.schedule;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.billing.schedule.ScheduleMessages.CancelScheduledPayment;
import io.palestra.billing.schedule.ScheduleMessages.ChangeScheduledPayment;
import io.palestra.billing.schedule.ScheduleMessages.MakeScheduledPaymentDue;
import io.palestra.billing.schedule.ScheduleMessages.PaymentScheduled;
import io.palestra.billing.schedule.ScheduleMessages.RecordScheduledOutcome;
import io.palestra.billing.schedule.ScheduleMessages.SchedulePayment;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentCancelled;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentChanged;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentDue;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentFailed;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentMade;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.timing.Wakeups;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An upcoming payment (paiement à venir, seed 004): a postdated cheque to deposit, a direct debit or card payment to
 * collect, on its day, for an invoice or for the member's account. Until then staff may change its method, amount,
 * date or reference, or cancel it; after a failure, a new date tries again. It is made once: the day wakes it once
 * per date, and the outcome of an attempt is recorded once.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ScheduledPayment {

    static final String WAKEUP_KIND = "scheduled-payment";

    @AggregateIdentifier
    private UUID scheduledPaymentId;
    private UUID organizationId;
    private UUID siteId;
    private UUID memberId;
    private UUID invoiceId;
    private String method;
    private Money amount;
    private LocalDate dueOn;
    private String reference;
    /** scheduled, due (being made), made, failed, cancelled */
    private String status;
    private int attempt;

    protected ScheduledPayment() {
    }

    /**
     * @throws InvalidInputException on a method that cannot be made on its own, an amount not above zero, or a day
     *                               already past
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SchedulePayment command, Organizations organizations, Wakeups wakeups) {
        if (scheduledPaymentId != null) {
            return;
        }
        check(command.method(), command.amount(), command.dueOn(), command.today());
        apply(new PaymentScheduled(command.scheduledPaymentId(), command.organizationId(), command.siteId(),
                command.memberId(), command.invoiceId(), command.method(), command.amount().normalized(),
                command.dueOn(), blankToNull(command.reference()), command.actor(), command.at()));
        wake(organizations, wakeups);
    }

    /**
     * @throws RuleViolationException {@code scheduled-payment-made}, {@code scheduled-payment-cancelled},
     *                                {@code scheduled-payment-in-progress}
     */
    @CommandHandler
    void handle(ChangeScheduledPayment command, Organizations organizations, Wakeups wakeups) {
        open();
        String newMethod = command.method() == null ? method : command.method();
        Money newAmount = command.amount() == null ? amount : command.amount().normalized();
        LocalDate newDueOn = command.dueOn() == null ? dueOn : command.dueOn();
        String newReference = command.reference() == null ? reference : blankToNull(command.reference());
        if (command.amount() != null && !command.amount().currency().equals(amount.currency())) {
            throw InvalidInputException.of("amount.currency", "must be " + amount.currency());
        }
        if ("failed".equals(status) && command.dueOn() == null) {
            throw InvalidInputException.of("dueOn", "is needed to try a failed payment again");
        }
        check(newMethod, newAmount, newDueOn, command.today());
        if (newMethod.equals(method) && newAmount.equals(amount) && newDueOn.equals(dueOn)
                && Objects.equals(newReference, reference) && !"failed".equals(status)) {
            return;
        }
        apply(new ScheduledPaymentChanged(scheduledPaymentId, newMethod, newAmount, newDueOn, newReference,
                command.actor(), command.at()));
        wake(organizations, wakeups);
    }

    @CommandHandler
    void handle(CancelScheduledPayment command, Wakeups wakeups) {
        if ("cancelled".equals(status)) {
            return;
        }
        open();
        apply(new ScheduledPaymentCancelled(scheduledPaymentId, command.reason(), command.actor(), command.at()));
        wakeups.wakeAt(WAKEUP_KIND, scheduledPaymentId, null);
    }

    @CommandHandler
    void handle(MakeScheduledPaymentDue command, Wakeups wakeups) {
        wakeups.wakeAt(WAKEUP_KIND, scheduledPaymentId, null);
        if (!"scheduled".equals(status)) {
            return;
        }
        apply(new ScheduledPaymentDue(scheduledPaymentId, organizationId, siteId, memberId, invoiceId, method, amount,
                reference, attempt + 1, command.at()));
    }

    @CommandHandler
    void handle(RecordScheduledOutcome command) {
        if (!"due".equals(status) || command.attempt() != attempt) {
            return;
        }
        if (command.made()) {
            apply(new ScheduledPaymentMade(scheduledPaymentId, command.paymentId(), command.at()));
        } else {
            apply(new ScheduledPaymentFailed(scheduledPaymentId, command.reason() == null ? "refused"
                    : command.reason(), command.at()));
        }
    }

    private void open() {
        switch (status) {
            case "made" -> throw new RuleViolationException("scheduled-payment-made", "This payment was made on "
                    + dueOn + ": cancel the payment on its invoice instead.");
            case "cancelled" -> throw new RuleViolationException("scheduled-payment-cancelled",
                    "This upcoming payment was cancelled.");
            case "due" -> throw new RuleViolationException("scheduled-payment-in-progress",
                    "This payment is being made right now.");
            default -> {
            }
        }
    }

    private static void check(String method, Money amount, LocalDate dueOn, LocalDate today) {
        if (!ScheduleMessages.METHODS.contains(method)) {
            throw InvalidInputException.of("method", "must be cheque (a postdated cheque), direct-debit or card");
        }
        if (amount == null || amount.signum() <= 0) {
            throw InvalidInputException.of("amount", "must be above zero");
        }
        if (dueOn == null || dueOn.isBefore(today)) {
            throw InvalidInputException.of("dueOn", "cannot be before today (" + today + ")");
        }
    }

    private void wake(Organizations organizations, Wakeups wakeups) {
        wakeups.wakeAt(WAKEUP_KIND, scheduledPaymentId,
                dueOn.atStartOfDay(organizations.zone(organizationId, siteId)).toInstant());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(PaymentScheduled event) {
        scheduledPaymentId = event.scheduledPaymentId();
        organizationId = event.organizationId();
        siteId = event.siteId();
        memberId = event.memberId();
        invoiceId = event.invoiceId();
        method = event.method();
        amount = event.amount();
        dueOn = event.dueOn();
        reference = event.reference();
        status = "scheduled";
    }

    @EventSourcingHandler
    void on(ScheduledPaymentChanged event) {
        method = event.method();
        amount = event.amount();
        dueOn = event.dueOn();
        reference = event.reference();
        status = "scheduled";
    }

    @EventSourcingHandler
    void on(ScheduledPaymentCancelled event) {
        status = "cancelled";
    }

    @EventSourcingHandler
    void on(ScheduledPaymentDue event) {
        attempt = event.attempt();
        status = "due";
    }

    @EventSourcingHandler
    void on(ScheduledPaymentMade event) {
        status = "made";
    }

    @EventSourcingHandler
    void on(ScheduledPaymentFailed event) {
        status = "failed";
    }
}
