package io.palestra.subscription.pass;

import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.subscription.catalog.Activation;
import io.palestra.subscription.catalog.Catalog;
import io.palestra.subscription.catalog.Catalog.Offer;
import io.palestra.subscription.catalog.PlanTerms;
import io.palestra.subscription.catalog.Scope;
import io.palestra.platform.organization.Organizations;
import io.palestra.subscription.pass.PassMessages.AdjustCredits;
import io.palestra.subscription.pass.PassMessages.CancelPass;
import io.palestra.subscription.pass.PassMessages.CatchUpPass;
import io.palestra.subscription.pass.PassMessages.RevokeSale;
import io.palestra.subscription.pass.PassMessages.ConsumeAnswer;
import io.palestra.subscription.pass.PassMessages.ConsumeCredits;
import io.palestra.subscription.pass.PassMessages.CreditsMoved;
import io.palestra.subscription.pass.PassMessages.DeductCredits;
import io.palestra.subscription.pass.PassMessages.ExtendPass;
import io.palestra.subscription.pass.PassMessages.IssuePass;
import io.palestra.subscription.pass.PassMessages.PassActivated;
import io.palestra.subscription.pass.PassMessages.PassEnded;
import io.palestra.subscription.pass.PassMessages.PassExtended;
import io.palestra.subscription.pass.PassMessages.PassIssued;
import io.palestra.subscription.pass.PassMessages.PassReassigned;
import io.palestra.subscription.pass.PassMessages.ReassignPass;
import io.palestra.subscription.pass.PassMessages.RestoreCredits;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.palestra.subscription.pass.PassMessages.ADJUSTMENTS;
import static io.palestra.subscription.pass.PassMessages.ATTENDANCE;
import static io.palestra.subscription.pass.PassMessages.BOOKINGS;
import static io.palestra.subscription.pass.PassMessages.CANCELLED;
import static io.palestra.subscription.pass.PassMessages.EXPIRED;
import static io.palestra.subscription.pass.PassMessages.PASS;
import static io.palestra.subscription.pass.PassMessages.SOLD;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pass (a class or appointment card, a laissez-passer) and its credit ledger: the consistency boundary of its
 * credits, so two bookings never spend the same last one. Every movement moves credits from one account to another
 * ({@link CreditsMoved}); the balance is what the {@code pass} account holds, never below zero. A booking pays once
 * however often it is asked, and gets back exactly what it paid, once. Valid from its first day to the end of its last
 * one, in the organisation's time zone; it then expires on its own (a wake-up).
 */
@Aggregate
public class Pass {

    static final String KIND = "pass";

    @AggregateIdentifier
    private UUID passId;
    private UUID organizationId;
    private UUID memberId;
    private ZoneId zone;
    private Integer balance;
    private Integer validityDays;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private List<UUID> siteIds;
    private List<String> activityTypes;
    private String ended;
    private final Map<UUID, Integer> consumed = new HashMap<>();

    protected Pass() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(IssuePass command, Catalog catalog, Organizations organizations, Wakeups wakeups) {
        Offer offer = catalog.offer(command.organizationId(), command.planId()).orElseThrow(() ->
                new RuleViolationException("unknown-plan", "No plan " + command.planId() + " in your catalog."));
        if (!offer.kind().pack()) {
            throw new RuleViolationException("not-a-pack",
                    "This plan is a membership: subscribe the member to it instead.");
        }
        if (!offer.onSale()) {
            throw new RuleViolationException("plan-not-published", "This plan is " + offer.status()
                    + ": only a published plan is sold.");
        }
        if (command.saleReference() == null || command.saleReference().isBlank()
                || command.saleReference().length() > 100) {
            throw InvalidInputException.of("saleReference", "is required (the invoice or sale), 100 characters "
                    + "at most");
        }
        PlanTerms terms = offer.terms();
        ZoneId organizationZone = organizations.zone(command.organizationId(), null);
        LocalDate from;
        if (terms.activation() == Activation.CHOSEN_DATE) {
            if (command.validFrom() == null) {
                throw InvalidInputException.of("validFrom", "is required: this pack starts on a chosen date");
            }
            from = command.validFrom();
        } else if (command.validFrom() != null) {
            throw InvalidInputException.of("validFrom", "is for a pack that starts on a chosen date; this one starts "
                    + (terms.activation() == Activation.SALE ? "on its sale" : "at its first use"));
        } else if (terms.activation() == Activation.SALE) {
            from = LocalDate.ofInstant(command.at(), organizationZone);
        } else {
            from = null;
        }
        LocalDate until = terms.validUntil() != null ? terms.validUntil()
                : from == null ? null : from.plusDays(terms.validityDays() - 1L);
        LocalDate today = LocalDate.ofInstant(command.at(), organizationZone);
        if (until != null && (until.isBefore(today) || (from != null && until.isBefore(from)))) {
            throw new RuleViolationException("validity-over", "This pack's validity ends on " + until
                    + ", before the pass would start.");
        }
        apply(new PassIssued(command.passId(), command.organizationId(), command.memberId(), offer.planId(),
                offer.kind(), terms.name(), terms.credits(), command.saleReference().strip(),
                terms.activation().value(), terms.validityDays(), from, until, terms.shareableByHousehold(),
                terms.siteIds(), terms.activityTypes(), organizationZone.getId(), command.actor(), command.at()));
        if (terms.credits() != null) {
            move("issue", SOLD, PASS, terms.credits(), null, null, null, command.actor(), command.at());
        }
        settle(command.at(), wakeups);
    }

    /**
     * Pays for a booking if the pass covers its session. A pass that starts at its first use starts on the day of
     * its first booking (or deduction), so every session booked later within its validity is covered.
     */
    @CommandHandler
    ConsumeAnswer handle(ConsumeCredits command, Wakeups wakeups) {
        if (consumed.containsKey(command.bookingId())) {
            return new ConsumeAnswer(true, null, balance);
        }
        settle(command.at(), wakeups);
        LocalDate day = LocalDate.ofInstant(command.sessionStartsAt(), zone);
        boolean activates = validFrom == null;
        LocalDate from = activates ? LocalDate.ofInstant(command.at(), zone) : validFrom;
        LocalDate until = validUntil != null ? validUntil : from.plusDays(validityDays - 1L);
        if (ended != null || day.isBefore(from) || day.isAfter(until)
                || !covers(command.siteId(), command.activityType())) {
            return new ConsumeAnswer(false, "not-covered", balance);
        }
        if (balance != null && balance < command.credits()) {
            return new ConsumeAnswer(false, "no-credits-left", balance);
        }
        if (activates) {
            apply(new PassActivated(passId, organizationId, memberId, from, until, command.at()));
        }
        move("consume", PASS, BOOKINGS, command.credits(), command.bookingId(), null, null, null, command.at());
        settle(command.at(), wakeups);
        return new ConsumeAnswer(true, null, balance);
    }

    /**
     * Gives back exactly what a booking consumed, once. When the pass has ended meanwhile, the credits come back and
     * leave again at once for the account it ended to (expired or cancelled), so no balance is stranded.
     */
    @CommandHandler
    void handle(RestoreCredits command) {
        Integer credits = consumed.get(command.bookingId());
        if (credits != null) {
            move("restore", BOOKINGS, PASS, credits, command.bookingId(), null, null, null, command.at());
            if (ended != null && balance != null) {
                move(ended.equals("expired") ? "expire" : "cancel", PASS, ended.equals("expired") ? EXPIRED
                        : CANCELLED, credits, command.bookingId(), null, null, null, command.at());
            }
        }
    }

    @CommandHandler
    void handle(DeductCredits command, Wakeups wakeups) {
        settle(command.at(), wakeups);
        open();
        if (command.credits() < 1 || command.credits() > 100) {
            throw InvalidInputException.of("credits", "must be between 1 and 100");
        }
        requireReason(command.reason());
        LocalDate today = LocalDate.ofInstant(command.at(), zone);
        LocalDate attended = command.attendedOn() != null ? command.attendedOn() : today;
        if (attended.isAfter(today)) {
            throw InvalidInputException.of("attendedOn", "must be today or earlier");
        }
        LocalDate from = validFrom != null ? validFrom : attended;
        LocalDate until = validUntil != null ? validUntil : from.plusDays(validityDays - 1L);
        if (attended.isBefore(from) || attended.isAfter(until)) {
            throw new RuleViolationException("not-valid-that-day", "The pass is valid from " + from + " to "
                    + until + ".");
        }
        if (balance != null && balance < command.credits()) {
            throw new RuleViolationException("no-credits-left", "The pass has " + balance + " credits left.");
        }
        if (validFrom == null) {
            apply(new PassActivated(passId, organizationId, memberId, from, until, command.at()));
        }
        move("deduct", PASS, ATTENDANCE, command.credits(), null, command.reason(), attended, command.actor(),
                command.at());
        settle(command.at(), wakeups);
    }

    @CommandHandler
    void handle(AdjustCredits command, Wakeups wakeups) {
        settle(command.at(), wakeups);
        open();
        if (command.credits() == 0 || Math.abs(command.credits()) > 1000) {
            throw InvalidInputException.of("credits", "adds (positive) or takes (negative) 1 to 1000 credits");
        }
        requireReason(command.reason());
        if (balance == null) {
            throw new RuleViolationException("unlimited-pass", "An unlimited pass has no balance to adjust.");
        }
        if (balance + command.credits() < 0) {
            throw new RuleViolationException("no-credits-left", "The pass has " + balance
                    + " credits left: it cannot lose " + -command.credits() + ".");
        }
        if (command.credits() > 0) {
            move("adjust", ADJUSTMENTS, PASS, command.credits(), null, command.reason(), null, command.actor(),
                    command.at());
        } else {
            move("adjust", PASS, ADJUSTMENTS, -command.credits(), null, command.reason(), null, command.actor(),
                    command.at());
        }
    }

    @CommandHandler
    void handle(ExtendPass command, Wakeups wakeups) {
        settle(command.at(), wakeups);
        open();
        requireReason(command.reason());
        if (validUntil == null) {
            throw new RuleViolationException("not-activated",
                    "This pass starts on its first use; its validity is known from then.");
        }
        if (command.validUntil() == null || !command.validUntil().isAfter(validUntil)) {
            throw InvalidInputException.of("validUntil", "must be after the current last day, " + validUntil);
        }
        apply(new PassExtended(passId, organizationId, memberId, validUntil, command.validUntil(), command.reason(),
                command.actor(), command.at()));
        settle(command.at(), wakeups);
    }

    @CommandHandler
    void handle(CancelPass command, Wakeups wakeups) {
        settle(command.at(), wakeups);
        open();
        requireReason(command.reason());
        if (balance != null && balance > 0) {
            move("cancel", PASS, CANCELLED, balance, null, command.reason(), null, command.actor(), command.at());
        }
        apply(new PassEnded(passId, organizationId, memberId, "cancelled", command.reason(), command.at()));
        wakeups.wakeAt(KIND, passId, null);
    }

    @CommandHandler
    void handle(RevokeSale command, Wakeups wakeups) {
        settle(command.at(), wakeups);
        if (ended == null) {
            if (balance != null && balance > 0) {
                move("cancel", PASS, CANCELLED, balance, null, command.reason(), null, "billing", command.at());
            }
            apply(new PassEnded(passId, organizationId, memberId, "cancelled", command.reason(), command.at()));
            wakeups.wakeAt(KIND, passId, null);
        }
    }

    @CommandHandler
    void handle(CatchUpPass command, Wakeups wakeups) {
        settle(command.at(), wakeups);
    }

    @CommandHandler
    void handle(ReassignPass command) {
        if (!command.memberId().equals(memberId)) {
            apply(new PassReassigned(passId, organizationId, memberId, command.memberId(), command.at()));
        }
    }

    /** Past the end of its last valid day the pass expires, its credits with it; otherwise it waits for that day. */
    private void settle(Instant now, Wakeups wakeups) {
        if (ended != null) {
            wakeups.wakeAt(KIND, passId, null);
            return;
        }
        Instant expiry = validUntil == null ? null : validUntil.plusDays(1).atStartOfDay(zone).toInstant();
        if (expiry != null && !expiry.isAfter(now)) {
            if (balance != null && balance > 0) {
                move("expire", PASS, EXPIRED, balance, null, null, null, null, expiry);
            }
            apply(new PassEnded(passId, organizationId, memberId, "expired", null, expiry));
            expiry = null;
        }
        wakeups.wakeAt(KIND, passId, expiry);
    }

    private void move(String movement, String from, String to, int credits, UUID bookingId, String reason,
                      LocalDate attendedOn, String actor, Instant at) {
        Integer after = balance == null ? null : balance + (PASS.equals(to) ? credits : 0)
                - (PASS.equals(from) ? credits : 0);
        apply(new CreditsMoved(passId, organizationId, memberId, movement, from, to, credits, after, bookingId,
                reason, attendedOn, actor, at));
    }

    private boolean covers(UUID siteId, String activityType) {
        return new Scope(siteIds, activityTypes).covers(siteId, activityType);
    }

    private void open() {
        if (ended != null) {
            throw new RuleViolationException("pass-ended", "This pass is " + ended + ".");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw InvalidInputException.of("reason", "is required, 500 characters at most");
        }
    }

    @EventSourcingHandler
    void on(PassIssued event) {
        passId = event.passId();
        organizationId = event.organizationId();
        memberId = event.memberId();
        zone = ZoneId.of(event.zone());
        balance = event.credits() == null ? null : 0;
        validityDays = event.validityDays();
        validFrom = event.validFrom();
        validUntil = event.validUntil();
        siteIds = event.siteIds();
        activityTypes = event.activityTypes();
    }

    @EventSourcingHandler
    void on(CreditsMoved event) {
        balance = event.balance();
        if ("consume".equals(event.movement())) {
            consumed.put(event.bookingId(), event.credits());
        } else if ("restore".equals(event.movement())) {
            consumed.remove(event.bookingId());
        }
    }

    @EventSourcingHandler
    void on(PassActivated event) {
        validFrom = event.validFrom();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(PassExtended event) {
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(PassEnded event) {
        ended = event.reason();
    }

    @EventSourcingHandler
    void on(PassReassigned event) {
        memberId = event.toMemberId();
    }
}
