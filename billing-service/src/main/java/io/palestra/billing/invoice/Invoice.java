package io.palestra.billing.invoice;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.billing.invoice.InvoiceMessages.AddLine;
import io.palestra.billing.invoice.InvoiceMessages.PromotionRemoved;
import io.palestra.billing.invoice.InvoiceMessages.PromotionApplied;
import io.palestra.billing.invoice.InvoiceMessages.RemovePromotion;
import io.palestra.billing.invoice.InvoiceMessages.ApplyPromotion;
import io.palestra.billing.invoice.InvoiceMessages.CancelPayment;
import io.palestra.billing.invoice.InvoiceMessages.CollectNow;
import io.palestra.billing.invoice.InvoiceMessages.CollectionDue;
import io.palestra.billing.invoice.InvoiceMessages.CollectionFailed;
import io.palestra.billing.invoice.InvoiceMessages.CreditNoteIssued;
import io.palestra.billing.invoice.InvoiceMessages.DiscountGiven;
import io.palestra.billing.invoice.InvoiceMessages.GiveDiscount;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceInstallment;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceIssued;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceOpened;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceSettled;
import io.palestra.billing.invoice.InvoiceMessages.IssueCreditNote;
import io.palestra.billing.invoice.InvoiceMessages.IssueInvoice;
import io.palestra.billing.invoice.InvoiceMessages.LineAdded;
import io.palestra.billing.invoice.InvoiceMessages.LineRemoved;
import io.palestra.billing.invoice.InvoiceMessages.OpenInvoice;
import io.palestra.billing.invoice.InvoiceMessages.PaymentCancelled;
import io.palestra.billing.invoice.InvoiceMessages.PaymentReceived;
import io.palestra.billing.invoice.InvoiceMessages.RecordCollection;
import io.palestra.billing.invoice.InvoiceMessages.RecordPayment;
import io.palestra.billing.invoice.InvoiceMessages.RecordRefund;
import io.palestra.billing.invoice.InvoiceMessages.RefundRecorded;
import io.palestra.billing.invoice.InvoiceMessages.RemoveLine;
import io.palestra.billing.invoice.InvoiceMessages.RetryCollection;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An invoice, from the cart to its last payment: the consistency boundary of its lines and of what was paid on it.
 * A draft (the cart) takes lines and discounts; issuing gives it the organisation's next gapless number and freezes it
 * (a correction is a credit note); payments, by one method or several, settle it, never beyond its total (the excess
 * is credited to the member's account); a cancelled payment makes its amount due again. An installment's invoice is
 * issued at once and collected automatically (direct debit, card), failed attempts retried on the organisation's
 * dunning plan.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Invoice {

    /** Methods the payment provider collects without anyone at the desk. */
    static final Set<String> AUTOMATIC = Set.of("direct-debit", "card");
    static final String WAKEUP_KIND = "collection";
    private static final Pattern METHOD = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    record Payment(String method, Money amount, Money applied, Money credited, boolean cancelled) {
    }

    @AggregateIdentifier
    private UUID invoiceId;
    private UUID organizationId;
    private UUID siteId;
    private UUID memberId;
    private String currency;
    private boolean issued;
    private String number;
    private LocalDate dueOn;
    private Map<UUID, InvoiceLine> lines = new LinkedHashMap<>();
    private Discount discount;
    private UUID promotionId;
    private String promotionCode;
    /** The lines the promotion discounts; empty: the whole cart. */
    private List<UUID> promotionLines = List.of();
    private Money total;
    private Money paid;
    /** What credit notes took off the total. */
    private Money creditedByNotes;
    private Money refunded;
    private Set<UUID> creditedLines = new HashSet<>();
    private Map<UUID, InvoiceLine> issuedLines = new LinkedHashMap<>();
    private Map<UUID, Payment> payments = new LinkedHashMap<>();
    private UUID subscriptionId;
    private Integer installmentNumber;
    private String collectionMethod;
    private String paymentReference;
    private int attempt;
    private boolean attemptOpen;

    protected Invoice() {
    }

    @CommandHandler
    Invoice(OpenInvoice command, Organizations organizations) {
        String currency = organizations.requiredCurrency(command.organizationId());
        apply(new InvoiceOpened(command.invoiceId(), command.organizationId(), command.siteId(), command.memberId(),
                currency, command.beneficiaryId(), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(AddLine command) {
        draft();
        List<InvalidInputException.InvalidField> problems = command.line().problems(currency);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (command.line().discount() != null && command.line().discount().exceeds(command.line().gross())) {
            throw new RuleViolationException("discount-too-large", "A discount cannot be more than the line.");
        }
        if (lines.containsKey(command.line().lineId())) {
            return;
        }
        if (lines.size() >= 200) {
            throw new RuleViolationException("too-many-lines", "An invoice has at most 200 lines.");
        }
        apply(new LineAdded(invoiceId, organizationId, command.line(), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(RemoveLine command) {
        draft();
        if (!lines.containsKey(command.lineId())) {
            throw NotFoundException.of("line", command.lineId());
        }
        apply(new LineRemoved(invoiceId, organizationId, command.lineId(), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(GiveDiscount command) {
        draft();
        if (promotionId != null && (command.lineId() == null ? promotionLines.isEmpty()
                : promotionLines.contains(command.lineId()))) {
            throw new RuleViolationException("promotion-discount", "Code " + promotionCode + " gives this "
                    + "discount: remove the code to change it.");
        }
        Discount given = command.discount();
        if (given != null) {
            List<InvalidInputException.InvalidField> problems = given.problems("discount", currency);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        if (command.lineId() != null) {
            InvoiceLine line = lines.get(command.lineId());
            if (line == null) {
                throw NotFoundException.of("line", command.lineId());
            }
            if (given != null && given.exceeds(line.gross())) {
                throw new RuleViolationException("discount-too-large", "A discount cannot be more than the line.");
            }
        } else if (given != null && given.exceeds(Totals.of(List.copyOf(lines.values()), null, currency)
                .subtotal())) {
            throw new RuleViolationException("discount-too-large", "A discount cannot be more than the invoice.");
        }
        apply(new DiscountGiven(invoiceId, organizationId, command.lineId(), given, command.actor(), command.at()));
    }

    @CommandHandler
    void handle(ApplyPromotion command) {
        draft();
        if (command.promotionId().equals(promotionId)) {
            return;
        }
        if (promotionId != null) {
            throw new RuleViolationException("promotion-already-applied", "Code " + promotionCode + " is on this "
                    + "cart: remove it before using another.");
        }
        Discount off = command.discount();
        List<UUID> discounted;
        if (command.appliesTo().isEmpty()) {
            if (lines.isEmpty() || discount != null) {
                throw new RuleViolationException("promotion-not-applicable", lines.isEmpty() ? "Add what is sold "
                        + "before the code." : "The cart already has a discount: remove it to use code "
                        + command.code() + ".");
            }
            apply(new DiscountGiven(invoiceId, organizationId, null, off, command.actor(), command.at()));
            discounted = List.of();
        } else {
            discounted = lines.values().stream().filter(line -> line.reference() != null
                    && command.appliesTo().contains(line.reference()) && line.discount() == null)
                    .map(InvoiceLine::lineId).toList();
            if (discounted.isEmpty()) {
                throw new RuleViolationException("promotion-not-applicable", "Nothing on this cart takes code "
                        + command.code() + " (or what does already has a discount).");
            }
            for (UUID line : discounted) {
                apply(new DiscountGiven(invoiceId, organizationId, line, off, command.actor(), command.at()));
            }
        }
        apply(new PromotionApplied(invoiceId, organizationId, command.promotionId(), command.code(), discounted,
                command.actor(), command.at()));
    }

    @CommandHandler
    void handle(RemovePromotion command) {
        draft();
        if (promotionId == null) {
            return;
        }
        if (promotionLines.isEmpty()) {
            apply(new DiscountGiven(invoiceId, organizationId, null, null, command.actor(), command.at()));
        }
        for (UUID line : promotionLines) {
            if (lines.containsKey(line)) {
                apply(new DiscountGiven(invoiceId, organizationId, line, null, command.actor(), command.at()));
            }
        }
        apply(new PromotionRemoved(invoiceId, organizationId, promotionId, promotionCode, command.actor(),
                command.at()));
    }

    @CommandHandler
    void handle(IssueInvoice command, InvoiceNumbers numbers, Organizations organizations, InvoiceParties parties) {
        draft();
        if (lines.isEmpty()) {
            throw new RuleViolationException("invoice-empty", "Add at least one line before issuing.");
        }
        LocalDate today = command.at().atZone(organizations.zone(organizationId, siteId)).toLocalDate();
        LocalDate invoiceDate = command.invoiceDate() == null ? today : command.invoiceDate();
        if (invoiceDate.isAfter(today)) {
            throw InvalidInputException.of("invoiceDate", "cannot be after today (" + today + ")");
        }
        LocalDate due = command.dueOn() == null ? invoiceDate : command.dueOn();
        if (due.isBefore(invoiceDate)) {
            throw InvalidInputException.of("dueOn", "cannot be before the invoice date");
        }
        List<InvoiceLine> sold = List.copyOf(lines.values());
        apply(new InvoiceIssued(invoiceId, organizationId, siteId, memberId, numbers.next(organizationId, "F"),
                invoiceDate, due, sold, discount, Totals.of(sold, discount, currency), null, null,
                parties.seller(organizationId, siteId), parties.buyer(organizationId, memberId), command.actor(),
                command.at()));
        if (total.isZero()) {
            apply(new InvoiceSettled(invoiceId, organizationId, siteId, memberId, number, total, null, null,
                    command.at()));
        }
    }

    /** Bills an installment once: issued at once, then collected automatically when its method allows. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(InvoiceInstallment command, InvoiceNumbers numbers, Organizations organizations, Wakeups wakeups,
                InvoiceParties parties) {
        if (invoiceId != null) {
            return;
        }
        String currency = organizations.currency(command.organizationId()).orElseThrow(() ->
                new IllegalStateException("Organisation " + command.organizationId() + " not known to billing yet"));
        apply(new InvoiceOpened(command.invoiceId(), command.organizationId(), command.siteId(), command.memberId(),
                currency, null, "palestra", command.at()));
        for (InvoiceLine line : command.lines()) {
            apply(new LineAdded(invoiceId, organizationId, line, "palestra", command.at()));
        }
        if (command.discount() != null) {
            apply(new DiscountGiven(invoiceId, organizationId, null, command.discount(), "palestra", command.at()));
        }
        List<InvoiceLine> sold = List.copyOf(lines.values());
        apply(new InvoiceIssued(invoiceId, organizationId, siteId, memberId, numbers.next(organizationId, "F"),
                command.dueOn(), command.dueOn(), sold, discount, Totals.of(sold, discount, currency),
                command.subscriptionId(), command.installmentNumber(), parties.seller(organizationId, siteId),
                parties.buyer(organizationId, memberId), "palestra", command.at()));
        if (total.signum() <= 0) {
            apply(new InvoiceSettled(invoiceId, organizationId, siteId, memberId, number, total, subscriptionId,
                    installmentNumber, command.at()));
        } else if (command.paymentMethod() != null && AUTOMATIC.contains(command.paymentMethod())) {
            apply(new CollectionDue(invoiceId, organizationId, memberId, 1, command.paymentMethod(),
                    command.paymentReference(), balance(), command.at()));
        }
        wakeups.wakeAt(WAKEUP_KIND, invoiceId, null);
    }

    /**
     * The provider's answer for an attempt, once: collected, it is a payment; refused, the dunning plan says when to
     * try again (a wake-up), or gives up.
     */
    @CommandHandler
    void handle(RecordCollection command, DunningPlans plans, Organizations organizations, Wakeups wakeups) {
        if (command.attempt() != attempt || !attemptOpen) {
            return;
        }
        if (command.collected()) {
            receive(UUID.nameUUIDFromBytes((invoiceId + ":collection:" + attempt).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), collectionMethod, balance(), command.providerReference(),
                    "palestra", command.at());
            wakeups.wakeAt(WAKEUP_KIND, invoiceId, null);
            return;
        }
        ZoneId zone = organizations.zone(organizationId, siteId);
        LocalDate today = command.at().atZone(zone).toLocalDate();
        LocalDate next = plans.nextAttempt(organizationId, dueOn, attempt, today).orElse(null);
        apply(new CollectionFailed(invoiceId, organizationId, siteId, memberId, attempt, balance(),
                command.reason() == null ? "refused" : command.reason(), next, subscriptionId, installmentNumber,
                command.at()));
        wakeups.wakeAt(WAKEUP_KIND, invoiceId, next == null ? null : next.atStartOfDay(zone).toInstant());
    }

    @CommandHandler
    void handle(RetryCollection command, Wakeups wakeups) {
        wakeups.wakeAt(WAKEUP_KIND, invoiceId, null);
        if (!attemptOpen && balance().signum() > 0 && collectionMethod != null) {
            apply(new CollectionDue(invoiceId, organizationId, memberId, attempt + 1, collectionMethod,
                    paymentReference, balance(), command.at()));
        }
    }

    @CommandHandler
    void handle(CollectNow command, Wakeups wakeups) {
        if (!issued || balance().signum() <= 0) {
            throw new RuleViolationException("nothing-to-collect", "Nothing is left to pay on this invoice.");
        }
        if (collectionMethod == null) {
            throw new RuleViolationException("not-collected-automatically", "This invoice is not collected by direct "
                    + "debit or card: record its payment.");
        }
        if (attemptOpen) {
            throw new RuleViolationException("collection-in-progress", "An attempt is being collected: its answer "
                    + "comes in a moment.");
        }
        String reference = command.paymentReference() == null || command.paymentReference().isBlank()
                ? paymentReference : command.paymentReference().strip();
        wakeups.wakeAt(WAKEUP_KIND, invoiceId, null);
        apply(new CollectionDue(invoiceId, organizationId, memberId, attempt + 1, collectionMethod, reference,
                balance(), command.at()));
    }

    @CommandHandler
    void handle(RecordPayment command, Wakeups wakeups) {
        if (!issued) {
            throw new RuleViolationException("invoice-not-issued", "Issue the invoice before it is paid.");
        }
        if (payments.containsKey(command.paymentId())) {
            return;
        }
        if (!isMethod(command.method())) {
            throw InvalidInputException.of("method", "must be a payment method, e.g. cash, card-terminal, cheque");
        }
        if (command.reference() != null && command.reference().length() > 200) {
            throw InvalidInputException.of("reference", "is 200 characters at most");
        }
        Money amount = movement(command.amount());
        if (balance().signum() <= 0) {
            throw new RuleViolationException("invoice-paid", "Nothing is left to pay on invoice " + number + ".");
        }
        if (PaymentMethods.NEVER_BEYOND_BALANCE.contains(command.method()) && amount.exceeds(balance())) {
            throw new RuleViolationException("amount-exceeds-balance", "At most " + balance().amount() + " "
                    + currency + " is left to pay from the " + command.method() + ": it is never turned into "
                    + "account credit.");
        }
        receive(command.paymentId(), command.method(), amount.normalized(), command.reference(), command.actor(),
                command.at());
        if (balance().signum() <= 0) {
            wakeups.wakeAt(WAKEUP_KIND, invoiceId, null);
        }
    }

    @CommandHandler
    void handle(CancelPayment command) {
        Payment payment = payments.get(command.paymentId());
        if (payment == null) {
            throw NotFoundException.of("payment", command.paymentId());
        }
        if (payment.cancelled()) {
            return;
        }
        apply(new PaymentCancelled(invoiceId, organizationId, siteId, memberId, command.paymentId(), payment.method(),
                payment.amount(), payment.applied(), payment.credited(), command.reason(), command.actor(),
                command.at()));
    }

    @CommandHandler
    void handle(IssueCreditNote command, InvoiceNumbers numbers, Wakeups wakeups) {
        if (!issued) {
            throw new RuleViolationException("invoice-not-issued", "A draft is changed, not credited.");
        }
        List<UUID> open = issuedLines.keySet().stream().filter(line -> !creditedLines.contains(line)).toList();
        if (open.isEmpty()) {
            throw new RuleViolationException("invoice-credited", "Invoice " + number + " is already credited in "
                    + "full.");
        }
        List<UUID> asked = command.lineIds() == null || command.lineIds().isEmpty() ? open
                : command.lineIds().stream().distinct().toList();
        for (UUID line : asked) {
            if (!issuedLines.containsKey(line)) {
                throw NotFoundException.of("line", line);
            }
            if (creditedLines.contains(line)) {
                throw new RuleViolationException("line-credited", "Line " + line + " is already credited.");
            }
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw InvalidInputException.of("reason", "is required: why the invoice is credited");
        }
        Totals credit = Totals.part(List.copyOf(issuedLines.values()), discount, currency,
                line -> asked.contains(line.lineId()));
        apply(new CreditNoteIssued(invoiceId, organizationId, siteId, memberId, number, command.creditNoteId(),
                numbers.next(organizationId, "AV"), asked.stream().map(issuedLines::get).toList(), credit, asked.size() == open.size(),
                command.reason().strip(), command.actor(), command.at()));
        if (balance().signum() <= 0) {
            wakeups.wakeAt(WAKEUP_KIND, invoiceId, null);
        }
    }

    @CommandHandler
    void handle(RecordRefund command) {
        if (!issued) {
            throw new RuleViolationException("invoice-not-issued", "Nothing was paid on a draft.");
        }
        if (!isMethod(command.method())) {
            throw InvalidInputException.of("method", "must be how the money goes back, e.g. card-terminal, "
                    + "transfer, cash, wallet");
        }
        Money amount = movement(command.amount());
        Money owed = balance().negated();
        if (amount.exceeds(owed)) {
            throw new RuleViolationException("refund-exceeds", owed.signum() > 0 ? "At most " + owed.amount() + " "
                    + currency + " can be refunded on this invoice." : "Nothing is owed back on this invoice: issue "
                    + "a credit note first.");
        }
        apply(new RefundRecorded(invoiceId, organizationId, siteId, memberId, command.refundId(), command.method(),
                amount.normalized(), command.reason(), command.actor(), command.at()));
    }

    private void receive(UUID paymentId, String method, Money amount, String reference, String actor, Instant at) {
        Money due = balance();
        Money applied = amount.exceeds(due) ? due : amount;
        apply(new PaymentReceived(invoiceId, organizationId, siteId, memberId, paymentId, method, amount, applied,
                amount.minus(applied), reference, actor, at));
        if (balance().signum() <= 0) {
            apply(new InvoiceSettled(invoiceId, organizationId, siteId, memberId, number, total, subscriptionId,
                    installmentNumber, at));
        }
    }

    /** What is left to pay: the total, less credit notes, less what was paid and kept; negative when owed back. */
    /**
     * An amount of money moving on this invoice (a payment, a refund), once it is valid and in the invoice's currency.
     *
     * @throws RuleViolationException {@code wrong-currency}; InvalidInputException for anything else
     */
    private Money movement(Money amount) {
        if (amount == null) {
            throw InvalidInputException.of("amount", "is required, e.g. {\"amount\": \"20.00\", \"currency\": \""
                    + currency + "\"}");
        }
        if (amount.problem().isEmpty() && !amount.currency().equals(currency)) {
            throw new RuleViolationException("wrong-currency", "This invoice is in " + currency + ".");
        }
        amount.problemAsMovementIn(currency).ifPresent(problem -> {
            throw InvalidInputException.of("amount", problem);
        });
        return amount;
    }

    /** Whether {@code method} names a payment method: a built-in one or one the organisation added (which {@link PaymentMethods} checks). */
    public static boolean isMethod(String method) {
        return method != null && METHOD.matcher(method).matches();
    }

    private Money balance() {
        return total.minus(creditedByNotes).minus(paid).plus(refunded);
    }

    private void draft() {
        if (issued) {
            throw new RuleViolationException("invoice-issued", "Invoice " + number + " is issued: it no longer "
                    + "changes (a correction is a credit note).");
        }
    }

    @EventSourcingHandler
    void on(InvoiceOpened event) {
        invoiceId = event.invoiceId();
        organizationId = event.organizationId();
        siteId = event.siteId();
        memberId = event.memberId();
        currency = event.currency();
        total = Money.zero(currency);
        paid = Money.zero(currency);
        creditedByNotes = Money.zero(currency);
        refunded = Money.zero(currency);
    }

    @EventSourcingHandler
    void on(LineAdded event) {
        lines.put(event.line().lineId(), event.line());
    }

    @EventSourcingHandler
    void on(LineRemoved event) {
        lines.remove(event.lineId());
    }

    @EventSourcingHandler
    void on(DiscountGiven event) {
        if (event.lineId() == null) {
            discount = event.discount();
        } else {
            lines.computeIfPresent(event.lineId(), (id, line) -> line.withDiscount(event.discount()));
        }
    }

    @EventSourcingHandler
    void on(PromotionApplied event) {
        promotionId = event.promotionId();
        promotionCode = event.code();
        promotionLines = event.lineIds();
    }

    @EventSourcingHandler
    void on(PromotionRemoved event) {
        promotionId = null;
        promotionCode = null;
        promotionLines = List.of();
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        issued = true;
        number = event.number();
        dueOn = event.dueOn();
        total = event.totals().total();
        event.lines().forEach(line -> issuedLines.put(line.lineId(), line));
        subscriptionId = event.subscriptionId();
        installmentNumber = event.installmentNumber();
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        payments.put(event.paymentId(), new Payment(event.method(), event.amount(), event.applied(),
                event.credited(), false));
        paid = paid.plus(event.applied());
        attemptOpen = false;
    }

    @EventSourcingHandler
    void on(PaymentCancelled event) {
        payments.computeIfPresent(event.paymentId(), (id, payment) -> new Payment(payment.method(), payment.amount(),
                payment.applied(), payment.credited(), true));
        paid = paid.minus(event.applied());
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        event.lines().forEach(line -> creditedLines.add(line.lineId()));
        creditedByNotes = creditedByNotes.plus(event.totals().total());
    }

    @EventSourcingHandler
    void on(RefundRecorded event) {
        refunded = refunded.plus(event.amount());
    }

    @EventSourcingHandler
    void on(CollectionDue event) {
        collectionMethod = event.method();
        paymentReference = event.paymentReference();
        attempt = event.attempt();
        attemptOpen = true;
    }

    @EventSourcingHandler
    void on(CollectionFailed event) {
        attemptOpen = false;
    }

    /** For tests and reads: the lines of the cart, in order. */
    List<InvoiceLine> lines() {
        return new ArrayList<>(lines.values());
    }
}
