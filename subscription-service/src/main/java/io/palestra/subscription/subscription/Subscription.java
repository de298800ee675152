package io.palestra.subscription.subscription;

import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.subscription.catalog.Catalog;
import io.palestra.subscription.catalog.Catalog.Offer;
import io.palestra.platform.money.Money;
import io.palestra.subscription.catalog.PlanKind;
import io.palestra.subscription.catalog.PlanTerms;
import io.palestra.platform.organization.Organizations;
import io.palestra.subscription.subscription.Schedule.Period;
import io.palestra.subscription.subscription.SubscriptionMessages.CancelNow;
import io.palestra.subscription.subscription.SubscriptionMessages.CancellationRequested;
import io.palestra.subscription.subscription.SubscriptionMessages.CancellationWithdrawn;
import io.palestra.subscription.subscription.SubscriptionMessages.CatchUp;
import io.palestra.subscription.subscription.SubscriptionMessages.ChangePlan;
import io.palestra.subscription.subscription.SubscriptionMessages.GiveBackMembershipUse;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentFellDue;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentLine;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentPaid;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentPaymentFailed;
import io.palestra.subscription.subscription.SubscriptionMessages.MembershipUseGivenBack;
import io.palestra.subscription.subscription.SubscriptionMessages.MembershipUsed;
import io.palestra.subscription.subscription.SubscriptionMessages.OutlookChanged;
import io.palestra.subscription.subscription.SubscriptionMessages.MoveSubscription;
import io.palestra.subscription.subscription.SubscriptionMessages.PauseCalledOff;
import io.palestra.subscription.subscription.SubscriptionMessages.PauseScheduled;
import io.palestra.subscription.subscription.SubscriptionMessages.PauseShortened;
import io.palestra.subscription.subscription.SubscriptionMessages.PaymentMethodSet;
import io.palestra.subscription.subscription.SubscriptionMessages.PlanChangeScheduled;
import io.palestra.subscription.subscription.SubscriptionMessages.ReassignSubscription;
import io.palestra.subscription.subscription.SubscriptionMessages.RecordInstallmentPaid;
import io.palestra.subscription.subscription.SubscriptionMessages.RecordPaymentFailed;
import io.palestra.subscription.subscription.SubscriptionMessages.Reprice;
import io.palestra.subscription.subscription.SubscriptionMessages.RequestCancellation;
import io.palestra.subscription.subscription.SubscriptionMessages.Resume;
import io.palestra.subscription.subscription.SubscriptionMessages.SchedulePause;
import io.palestra.subscription.subscription.SubscriptionMessages.SetPaymentMethod;
import io.palestra.subscription.subscription.SubscriptionMessages.StatusChanged;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribe;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribed;
import io.palestra.subscription.subscription.SubscriptionMessages.SubscriptionEnded;
import io.palestra.subscription.subscription.SubscriptionMessages.SubscriptionMoved;
import io.palestra.subscription.subscription.SubscriptionMessages.SubscriptionReassigned;
import io.palestra.subscription.subscription.SubscriptionMessages.SubscriptionRepriced;
import io.palestra.subscription.subscription.SubscriptionMessages.UseAnswer;
import io.palestra.subscription.subscription.SubscriptionMessages.UseMembership;
import io.palestra.subscription.subscription.SubscriptionMessages.WithdrawCancellation;
import io.palestra.platform.timing.Wakeups;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's subscription to a membership plan: its lifecycle, its installments and what it pays for. Dates are days
 * in the site's time zone; a day begins at its first instant there ({@link LocalDate#atStartOfDay(ZoneId)}, which
 * is DST-safe). Time only moves through commands: each one carries its instant, and after each the subscription
 * catches up with it (what fell due, began or ended), says its status and outlook if they changed, and sets when it
 * must next wake up on its own ({@link Wakeups}). Status rules are in {@link #status(Instant)}.
 */
@Aggregate
public class Subscription {

    static final String KIND = "subscription";
    private static final int MAX_PAUSE_DAYS = 366;

    @AggregateIdentifier
    private UUID subscriptionId;
    private UUID organizationId;
    private UUID memberId;
    private UUID siteId;
    private ZoneId zone;
    private MembershipTerms terms;
    private PlanChangeScheduled pendingChange;
    private LocalDate startsOn;
    private LocalDate fixedLastDay;
    private LocalDate firstCollectionOn;
    private SpecialOffer offer;
    private PaymentMethod paymentMethod;
    private final List<Pause> pauses = new ArrayList<>();
    private int nextInstallment;
    private LocalDate cancellationLastDay;
    private SubscriptionEnded ended;
    private final Set<Integer> failed = new HashSet<>();
    private final Set<Integer> paid = new HashSet<>();
    private final Map<UUID, LocalDate> uses = new HashMap<>();
    private SubscriptionStatus status;
    private OutlookChanged outlook;
    /** The instant of its last change of time-dependent state: catching up starts from there. */
    private Instant settledAt;

    protected Subscription() {
    }

    /** A creation handler on an instance (not a constructor), so that the new state is there to catch up with. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(Subscribe command, Catalog catalog, Organizations organizations, Wakeups wakeups) {
        MembershipTerms sold = terms(catalog, command.organizationId(), command.planId(), command.category());
        checkOffer(command.offer(), sold.price().currency());
        checkPaymentMethod(command.paymentMethod());
        if (!organizations.sites(command.organizationId()).contains(command.siteId())) {
            throw new RuleViolationException("unknown-site", "The site must be one of yours.");
        }
        if (!sold.siteIds().isEmpty() && !sold.siteIds().contains(command.siteId())) {
            throw new RuleViolationException("plan-not-valid-at-site", "This plan is not sold at this site.");
        }
        if (command.validityMonths() != null && (command.validityMonths() < 1 || command.validityMonths() > 120)) {
            throw InvalidInputException.of("validityMonths", "must be between 1 and 120, or absent for open-ended");
        }
        ZoneId siteZone = organizations.zone(command.organizationId(), command.siteId());
        LocalDate start = command.startsOn() != null ? command.startsOn()
                : LocalDate.ofInstant(command.at(), siteZone);
        LocalDate firstCollection = command.firstCollectionOn() != null ? command.firstCollectionOn() : start;
        if (firstCollection.isAfter(start.plusYears(1))) {
            throw InvalidInputException.of("firstCollectionOn", "must be within a year of the start");
        }
        apply(new Subscribed(command.subscriptionId(), command.organizationId(), command.memberId(),
                command.siteId(), siteZone.getId(), sold, start, command.validityMonths() == null ? null
                : start.plusMonths(command.validityMonths()).minusDays(1), firstCollection, command.offer(),
                command.paymentMethod(), command.at()));
        settle(command.at(), wakeups, null);
    }

    @CommandHandler
    void handle(CatchUp command, Wakeups wakeups) {
        settle(command.at(), wakeups, null);
    }

    @CommandHandler
    void handle(SchedulePause command, Wakeups wakeups) {
        notEnded();
        settle(command.at(), wakeups, null);
        LocalDate today = today(command.at());
        LocalDate from = command.from() != null ? command.from() : today;
        List<InvalidField> problems = new ArrayList<>();
        if (from.isBefore(today)) {
            problems.add(new InvalidField("from", "must be today or later"));
        }
        if (command.until() == null || !command.until().isAfter(from)) {
            problems.add(new InvalidField("until", "is the day it resumes, after the first paused day"));
        } else if (java.time.temporal.ChronoUnit.DAYS.between(from, command.until()) > MAX_PAUSE_DAYS) {
            problems.add(new InvalidField("until", "a pause lasts " + MAX_PAUSE_DAYS + " days at most"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (cancellationLastDay != null) {
            throw new RuleViolationException("cancellation-pending",
                    "A subscription being cancelled cannot be paused; withdraw the cancellation first.");
        }
        if (pauses.stream().anyMatch(pause -> pause.until().isAfter(today))) {
            throw new RuleViolationException("pause-exists",
                    "A pause is already planned or running; resume it or wait for its end.");
        }
        if (from.isBefore(startsOn)) {
            throw new RuleViolationException("not-started", "A subscription can pause once it has started.");
        }
        LocalDate lastDay = lastDay();
        if (lastDay != null && from.isAfter(lastDay)) {
            throw new RuleViolationException("pause-after-end", "The subscription ends before this pause.");
        }
        apply(new PauseScheduled(subscriptionId, organizationId, new Pause(from, command.until(), nextInstallment),
                command.reason(), command.at()));
        settle(command.at(), wakeups, command.reason());
    }

    @CommandHandler
    void handle(Resume command, Wakeups wakeups) {
        notEnded();
        settle(command.at(), wakeups, null);
        LocalDate today = today(command.at());
        Pause pause = pauses.stream().filter(candidate -> candidate.until().isAfter(today)).findFirst()
                .orElseThrow(() -> new RuleViolationException("not-paused", "No pause is planned or running."));
        LocalDate on = command.on() != null ? command.on() : today;
        if (on.isBefore(today)) {
            throw InvalidInputException.of("on", "must be today or later");
        }
        if (!on.isBefore(pause.until())) {
            throw InvalidInputException.of("on", "must be before the planned resumption, " + pause.until());
        }
        if (!on.isAfter(pause.from())) {
            apply(new PauseCalledOff(subscriptionId, organizationId, command.at()));
        } else {
            apply(new PauseShortened(subscriptionId, organizationId, on, command.at()));
        }
        settle(command.at(), wakeups, "resumed");
    }

    @CommandHandler
    void handle(RequestCancellation command, Wakeups wakeups) {
        notEnded();
        settle(command.at(), wakeups, null);
        if (cancellationLastDay != null) {
            return;
        }
        LocalDate today = today(command.at());
        LocalDate commitmentEnd = commitmentEndsOn();
        LocalDate from = commitmentEnd != null && commitmentEnd.isAfter(today) ? commitmentEnd
                : today.isBefore(startsOn) ? startsOn : today;
        Schedule schedule = schedule();
        LocalDate end = schedule.period(schedule.periodContaining(from), null).orElseThrow().end();
        LocalDate fixed = fixedLastDay == null ? null : schedule.postponed(fixedLastDay);
        apply(new CancellationRequested(subscriptionId, organizationId, fixed != null && fixed.isBefore(end) ? fixed
                : end, command.reason(), command.at()));
        settle(command.at(), wakeups, "cancellation-requested");
    }

    @CommandHandler
    void handle(WithdrawCancellation command, Wakeups wakeups) {
        notEnded();
        settle(command.at(), wakeups, null);
        if (cancellationLastDay == null) {
            throw new RuleViolationException("no-cancellation", "No cancellation was requested.");
        }
        apply(new CancellationWithdrawn(subscriptionId, organizationId, command.at()));
        settle(command.at(), wakeups, "cancellation-withdrawn");
    }

    @CommandHandler
    void handle(CancelNow command, Wakeups wakeups) {
        notEnded();
        settle(command.at(), wakeups, null);
        apply(new SubscriptionEnded(subscriptionId, organizationId, SubscriptionStatus.CANCELLED,
                today(command.at()), command.reason() == null ? "cancelled-by-staff" : command.reason(),
                command.at()));
        settle(command.at(), wakeups, "cancelled-by-staff");
    }

    @CommandHandler
    void handle(ChangePlan command, Catalog catalog, Wakeups wakeups) {
        notEnded();
        settle(command.at(), wakeups, null);
        MembershipTerms next = terms(catalog, organizationId, command.planId(), command.category());
        if (next.period() != terms.period()) {
            throw new RuleViolationException("period-differs", "A plan change keeps the billing period ("
                    + terms.period().value() + "); to change it, cancel and subscribe to the other plan.");
        }
        Period period = schedule().period(nextInstallment, lastDay()).orElseThrow(() -> new RuleViolationException(
                "no-next-period", "The subscription has no next period to change the plan from."));
        apply(new PlanChangeScheduled(subscriptionId, organizationId, memberId, terms.planId(), next,
                nextInstallment, period.start(), command.at()));
        settle(command.at(), wakeups, "plan-changed");
    }

    @CommandHandler
    void handle(SetPaymentMethod command, Wakeups wakeups) {
        notEnded();
        settle(command.at(), wakeups, null);
        checkPaymentMethod(command.paymentMethod());
        if (!command.paymentMethod().equals(paymentMethod)) {
            apply(new PaymentMethodSet(subscriptionId, organizationId, command.paymentMethod(), command.at()));
        }
        settle(command.at(), wakeups, paymentMethod.needsMandate() ? "mandate-missing" : "payment-method-set");
    }

    @CommandHandler
    void handle(RecordInstallmentPaid command, Wakeups wakeups) {
        settle(command.at(), wakeups, null);
        if (command.number() < nextInstallment && !paid.contains(command.number())) {
            apply(new InstallmentPaid(subscriptionId, organizationId, command.number(), command.invoiceId(),
                    command.at()));
            settle(command.at(), wakeups, "installment-paid");
        }
    }

    @CommandHandler
    void handle(RecordPaymentFailed command, Wakeups wakeups) {
        settle(command.at(), wakeups, null);
        if (command.number() < nextInstallment && !paid.contains(command.number())) {
            apply(new InstallmentPaymentFailed(subscriptionId, organizationId, command.number(),
                    command.invoiceId(), command.reason(), command.at()));
            settle(command.at(), wakeups, "payment-failed");
        }
    }

    @CommandHandler
    UseAnswer handle(UseMembership command, Wakeups wakeups) {
        if (uses.containsKey(command.bookingId())) {
            return new UseAnswer(true, null);
        }
        LocalDate sessionOn = LocalDate.ofInstant(command.sessionStartsAt(), zone);
        if (!covers(sessionOn) || !termsOn(sessionOn).covers(command.siteId(), command.activityType())) {
            return new UseAnswer(false, "not-covered");
        }
        Integer perWeek = termsOn(sessionOn).classesPerWeek();
        if (perWeek != null) {
            LocalDate monday = sessionOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long thatWeek = uses.values().stream()
                    .filter(day -> !day.isBefore(monday) && day.isBefore(monday.plusWeeks(1))).count();
            if (thatWeek >= perWeek) {
                return new UseAnswer(false, "weekly-limit-reached");
            }
        }
        apply(new MembershipUsed(subscriptionId, organizationId, command.bookingId(), sessionOn, command.at()));
        return new UseAnswer(true, null);
    }

    @CommandHandler
    void handle(GiveBackMembershipUse command) {
        if (uses.containsKey(command.bookingId())) {
            apply(new MembershipUseGivenBack(subscriptionId, organizationId, command.bookingId(), command.at()));
        }
    }

    @CommandHandler
    void handle(Reprice command, Wakeups wakeups) {
        if (ended != null || !command.planId().equals(terms.planId())) {
            return;
        }
        settle(command.at(), wakeups, null);
        Money price = terms.category() == null ? command.price() : command.categoryPrices().get(terms.category());
        if (price != null && !price.equals(terms.price())) {
            apply(new SubscriptionRepriced(subscriptionId, organizationId, price, nextInstallment, command.at()));
            settle(command.at(), wakeups, "repriced");
        }
    }

    @CommandHandler
    void handle(MoveSubscription command) {
        if (!command.siteId().equals(siteId)) {
            apply(new SubscriptionMoved(subscriptionId, organizationId, siteId, command.siteId(), command.at()));
        }
    }

    @CommandHandler
    void handle(ReassignSubscription command) {
        if (!command.memberId().equals(memberId)) {
            apply(new SubscriptionReassigned(subscriptionId, organizationId, memberId, command.memberId(),
                    command.at()));
        }
    }

    // Time

    /**
     * Catches up with {@code now}, moment by moment from where it last stood, so that each transition is told at its
     * own instant even when the service was down across several: every installment whose due day has begun falls
     * due, in order; past its last day the subscription ends; its status and outlook are told when they change. Then
     * its next wake-up is set.
     */
    private void settle(Instant at, Wakeups wakeups, String reason) {
        // Time never runs backwards for a subscription, whatever the clock of the instance that sends the command.
        Instant now = settledAt != null && at.isBefore(settledAt) ? settledAt : at;
        Instant moment = nextMoment(settledAt);
        while (moment != null && moment.isBefore(now)) {
            advanceTo(moment, null);
            moment = nextMoment(moment);
        }
        advanceTo(now, reason);
        wakeups.wakeAt(KIND, subscriptionId, nextMoment(now));
    }

    private void advanceTo(Instant now, String reason) {
        while (ended == null) {
            Optional<Period> due = schedule().period(nextInstallment, lastDay())
                    .filter(period -> !startOf(period.dueOn()).isAfter(now));
            if (due.isEmpty()) {
                break;
            }
            fallDue(due.get(), now);
        }
        LocalDate lastDay = lastDay();
        if (ended == null && lastDay != null && !startOf(lastDay.plusDays(1)).isAfter(now)) {
            boolean cancelled = lastDay.equals(cancellationLastDay);
            apply(new SubscriptionEnded(subscriptionId, organizationId, cancelled ? SubscriptionStatus.CANCELLED
                    : SubscriptionStatus.EXPIRED, lastDay, cancelled ? "cancellation-requested" : "term-ended", now));
        }
        SubscriptionStatus current = status(now);
        if (current != status) {
            Pause pause = currentPause(today(now)).orElse(null);
            apply(new StatusChanged(subscriptionId, organizationId, memberId, current, status,
                    current == SubscriptionStatus.NEEDS_ATTENTION ? attention() : current.ended() ? ended.reason()
                            : reason, lastDay(), pause == null ? null : pause.from(),
                    pause == null ? null : pause.until(), now));
        }
        OutlookChanged next = outlook(now);
        if (!sameOutlook(next, outlook)) {
            apply(next);
        }
    }

    private void fallDue(Period period, Instant now) {
        MembershipTerms billed = pendingChange != null && period.number() >= pendingChange.fromInstallment()
                ? pendingChange.terms() : terms;
        List<InstallmentLine> lines = lines(period, billed);
        Money amount = lines.stream().map(InstallmentLine::amount)
                .reduce(Money.zero(billed.price().currency()), Money::plus);
        apply(new InstallmentFellDue(subscriptionId, organizationId, memberId, siteId, billed.planId(),
                period.number(), period.dueOn(), period.start(), period.end(), lines, amount, billed.vatRate(),
                paymentMethod, now));
    }

    private List<InstallmentLine> lines(Period period, MembershipTerms billed) {
        List<InstallmentLine> lines = new ArrayList<>();
        Money membership = billed.price().times(period.share());
        lines.add(new InstallmentLine("membership", billed.name() + ", " + period.start() + " to " + period.end(),
                membership));
        if (offer != null && offer.appliesTo(period.number())) {
            Money off = offer.off(membership);
            if (off.amount().signum() > 0) {
                lines.add(new InstallmentLine("discount", offer.describe(), off.negated()));
            }
        }
        if (period.number() == 0 && billed.joiningFee() != null && billed.joiningFee().amount().signum() > 0) {
            lines.add(new InstallmentLine("joining-fee", "Joining fee", billed.joiningFee()));
        }
        return lines;
    }

    /**
     * The status staff read, at {@code now}. Cancelled and expired are final. Otherwise, by precedence: a payment
     * that failed and is not yet paid, or a direct debit without a mandate, needs attention; before its first day a
     * subscription is upcoming; within a pause, paused; before a planned pause, pause upcoming; once cancellation is
     * requested, cancellation requested while installments are still to fall due before its last day, then
     * cancellation upcoming; else active, with an end date (a fixed term) or with recurring billing.
     */
    SubscriptionStatus status(Instant now) {
        if (ended != null) {
            return ended.status();
        }
        if (!failed.isEmpty() || paymentMethod.needsMandate()) {
            return SubscriptionStatus.NEEDS_ATTENTION;
        }
        LocalDate today = today(now);
        if (today.isBefore(startsOn)) {
            return SubscriptionStatus.UPCOMING;
        }
        Optional<Pause> pause = currentPause(today);
        if (pause.isPresent()) {
            return pause.get().covers(today) ? SubscriptionStatus.PAUSED : SubscriptionStatus.PAUSE_UPCOMING;
        }
        if (cancellationLastDay != null) {
            return schedule().period(nextInstallment, lastDay()).isPresent()
                    ? SubscriptionStatus.CANCELLATION_REQUESTED : SubscriptionStatus.CANCELLATION_UPCOMING;
        }
        return fixedLastDay != null ? SubscriptionStatus.ACTIVE_WITH_END_DATE : SubscriptionStatus.ACTIVE_RECURRING;
    }

    private String attention() {
        return !failed.isEmpty() ? "payment-failed" : "mandate-missing";
    }

    /** The earliest instant after {@code after} when something happens on its own; null when nothing will. */
    private Instant nextMoment(Instant after) {
        if (ended != null) {
            return null;
        }
        LocalDate lastDay = lastDay();
        List<LocalDate> days = new ArrayList<>();
        schedule().period(nextInstallment, lastDay).ifPresent(period -> days.add(period.dueOn()));
        if (lastDay != null) {
            days.add(lastDay.plusDays(1));
        }
        days.add(startsOn);
        pauses.forEach(pause -> Stream.of(pause.from(), pause.until()).forEach(days::add));
        return days.stream().map(this::startOf).filter(moment -> moment.isAfter(after)).min(Instant::compareTo)
                .orElse(null);
    }

    private OutlookChanged outlook(Instant now) {
        LocalDate lastDay = lastDay();
        Optional<Period> next = ended == null ? schedule().period(nextInstallment, lastDay) : Optional.empty();
        Money amount = next.map(period -> {
            MembershipTerms billed = pendingChange != null && period.number() >= pendingChange.fromInstallment()
                    ? pendingChange.terms() : terms;
            return lines(period, billed).stream().map(InstallmentLine::amount)
                    .reduce(Money.zero(billed.price().currency()), Money::plus);
        }).orElse(null);
        return new OutlookChanged(subscriptionId, organizationId, next.map(Period::dueOn).orElse(null), amount,
                ended != null ? ended.lastDay() : lastDay, commitmentEndsOn(), now);
    }

    private static boolean sameOutlook(OutlookChanged one, OutlookChanged other) {
        return other != null && Objects.equals(one.nextDueOn(), other.nextDueOn())
                && Objects.equals(one.nextAmount(), other.nextAmount()) && Objects.equals(one.lastDay(),
                other.lastDay()) && Objects.equals(one.commitmentEndsOn(), other.commitmentEndsOn());
    }

    // Rules

    private boolean covers(LocalDate day) {
        LocalDate lastDay = ended != null ? ended.lastDay() : lastDay();
        return !day.isBefore(startsOn) && (lastDay == null || !day.isAfter(lastDay))
                && pauses.stream().noneMatch(pause -> pause.covers(day));
    }

    private MembershipTerms termsOn(LocalDate day) {
        return pendingChange != null && !day.isBefore(pendingChange.effectiveOn()) ? pendingChange.terms() : terms;
    }

    /** The last day covered as it stands: a fixed term's end or a requested cancellation's, postponed by pauses. */
    LocalDate lastDay() {
        if (ended != null) {
            return ended.lastDay();
        }
        LocalDate fixed = fixedLastDay == null ? null : schedule().postponed(fixedLastDay);
        if (cancellationLastDay == null) {
            return fixed;
        }
        return fixed != null && fixed.isBefore(cancellationLastDay) ? fixed : cancellationLastDay;
    }

    private LocalDate commitmentEndsOn() {
        Integer months = terms.commitmentMonths();
        return months == null || months == 0 ? null
                : schedule().postponed(startsOn.plusMonths(months).minusDays(1));
    }

    private Optional<Pause> currentPause(LocalDate today) {
        return pauses.stream().filter(pause -> pause.until().isAfter(today)).findFirst();
    }

    private Schedule schedule() {
        return new Schedule(startsOn, terms.period(), terms.billingDay(), firstCollectionOn, pauses);
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private void notEnded() {
        if (ended != null) {
            throw new RuleViolationException("subscription-ended", "This subscription is " + ended.status().value()
                    + "; subscribe again instead.");
        }
    }

    private static MembershipTerms terms(Catalog catalog, UUID organizationId, UUID planId, String category) {
        Offer offer = catalog.offer(organizationId, planId).orElseThrow(() -> new RuleViolationException(
                "unknown-plan", "No plan " + planId + " in your catalog."));
        if (offer.kind() != PlanKind.MEMBERSHIP) {
            throw new RuleViolationException("not-a-membership",
                    "This plan is a pack: issue it as a pass, a subscription is to a membership plan.");
        }
        if (!offer.onSale()) {
            throw new RuleViolationException("plan-not-published", "This plan is " + offer.status()
                    + ": only a published plan is sold.");
        }
        PlanTerms plan = offer.terms();
        Money price = plan.price();
        if (category != null) {
            price = plan.categoryPrices().get(category);
            if (price == null) {
                throw InvalidInputException.of("category", "is not priced by this plan; its categories: "
                        + String.join(", ", plan.categoryPrices().keySet()));
            }
        }
        return new MembershipTerms(offer.planId(), plan.name(), price, category, plan.vatRate(), plan.period(),
                plan.billingDay(), plan.commitmentMonths(), plan.classesPerWeek(), plan.joiningFee(),
                plan.siteIds(), plan.activityTypes());
    }

    private static void checkOffer(SpecialOffer offer, String currency) {
        if (offer == null) {
            return;
        }
        List<InvalidField> problems = new ArrayList<>();
        if ((offer.percent() == null) == (offer.amount() == null)) {
            problems.add(new InvalidField("offer", "takes either a percent or an amount off"));
        }
        if (offer.percent() != null && (offer.percent().signum() <= 0
                || offer.percent().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(new InvalidField("offer.percent", "must be above 0 and at most 100"));
        }
        if (offer.amount() != null) {
            offer.amount().problem().ifPresent(problem -> problems.add(new InvalidField("offer.amount", problem)));
            if (offer.amount().problem().isEmpty() && !offer.amount().currency().equals(currency)) {
                problems.add(new InvalidField("offer.amount", "must be in " + currency));
            }
        }
        if (offer.installments() != null && (offer.installments() < 1 || offer.installments() > 120)) {
            problems.add(new InvalidField("offer.installments", "must be between 1 and 120, or absent for all"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void checkPaymentMethod(PaymentMethod method) {
        if (method == null || !PaymentMethod.TYPES.contains(method.type())) {
            throw InvalidInputException.of("paymentMethod.type",
                    "must be direct-debit, card, cash, cheque, transfer or other");
        }
        if (method.reference() != null && method.reference().length() > 100) {
            throw InvalidInputException.of("paymentMethod.reference", "is 100 characters at most");
        }
    }

    // State

    @EventSourcingHandler
    void on(Subscribed event) {
        subscriptionId = event.subscriptionId();
        organizationId = event.organizationId();
        memberId = event.memberId();
        siteId = event.siteId();
        zone = ZoneId.of(event.zone());
        terms = event.terms();
        startsOn = event.startsOn();
        fixedLastDay = event.fixedLastDay();
        firstCollectionOn = event.firstCollectionOn();
        offer = event.offer();
        paymentMethod = event.paymentMethod();
        settledAt = event.at();
    }

    @EventSourcingHandler
    void on(InstallmentFellDue event) {
        nextInstallment = event.number() + 1;
        settledAt = event.at();
        if (pendingChange != null && event.number() >= pendingChange.fromInstallment()) {
            terms = pendingChange.terms();
            pendingChange = null;
        }
    }

    @EventSourcingHandler
    void on(PauseScheduled event) {
        pauses.add(event.pause());
    }

    @EventSourcingHandler
    void on(PauseShortened event) {
        pauses.set(pauses.size() - 1, pauses.get(pauses.size() - 1).until(event.until()));
    }

    @EventSourcingHandler
    void on(PauseCalledOff event) {
        pauses.remove(pauses.size() - 1);
    }

    @EventSourcingHandler
    void on(CancellationRequested event) {
        cancellationLastDay = event.lastDay();
    }

    @EventSourcingHandler
    void on(CancellationWithdrawn event) {
        cancellationLastDay = null;
    }

    @EventSourcingHandler
    void on(SubscriptionEnded event) {
        ended = event;
    }

    @EventSourcingHandler
    void on(PlanChangeScheduled event) {
        pendingChange = event;
    }

    @EventSourcingHandler
    void on(PaymentMethodSet event) {
        paymentMethod = event.paymentMethod();
    }

    @EventSourcingHandler
    void on(InstallmentPaid event) {
        paid.add(event.number());
        failed.remove(event.number());
    }

    @EventSourcingHandler
    void on(InstallmentPaymentFailed event) {
        failed.add(event.number());
    }

    @EventSourcingHandler
    void on(MembershipUsed event) {
        uses.put(event.bookingId(), event.sessionOn());
    }

    @EventSourcingHandler
    void on(MembershipUseGivenBack event) {
        uses.remove(event.bookingId());
    }

    @EventSourcingHandler
    void on(SubscriptionRepriced event) {
        terms = terms.withPrice(event.price());
    }

    @EventSourcingHandler
    void on(SubscriptionMoved event) {
        siteId = event.toSiteId();
    }

    @EventSourcingHandler
    void on(SubscriptionReassigned event) {
        memberId = event.toMemberId();
    }

    @EventSourcingHandler
    void on(StatusChanged event) {
        status = event.status();
        settledAt = event.at();
    }

    @EventSourcingHandler
    void on(OutlookChanged event) {
        outlook = event;
        settledAt = event.at();
    }
}
