package io.palestra.billing.scholarship;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.billing.scholarship.ScholarshipMessages.GrantScholarship;
import io.palestra.billing.scholarship.ScholarshipMessages.ReleaseScholarshipUse;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipGranted;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipUseReleased;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipUsed;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipWithdrawn;
import io.palestra.billing.scholarship.ScholarshipMessages.UseScholarship;
import io.palestra.billing.scholarship.ScholarshipMessages.WithdrawScholarship;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Financial aid (bourse, seed 004): an amount the organisation grants a member, or an account (every member the holder
 * pays for), to pay eligible purchases at checkout, between two days, until spent. The boundary of "never more than
 * granted": each use takes from what remains, once per payment, and is given back once when that payment is undone.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Scholarship {

    static final Set<String> SCOPES = Set.of("person", "account");

    @AggregateIdentifier
    private UUID scholarshipId;
    private Money remaining;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private boolean withdrawn;
    /** What each use took, until given back. */
    private Map<UUID, Money> uses = new HashMap<>();

    protected Scholarship() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantScholarship command) {
        if (scholarshipId != null) {
            return;
        }
        if (!SCOPES.contains(command.scope())) {
            throw InvalidInputException.of("scope", "must be person or account");
        }
        if (command.amount() == null || command.amount().signum() <= 0) {
            throw InvalidInputException.of("amount", "must be above zero");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw InvalidInputException.of("validUntil", "cannot be before validFrom");
        }
        if (command.kinds().contains("gift-card")) {
            throw InvalidInputException.of("kinds", "cannot hold gift-card: aid pays for activities and items");
        }
        apply(new ScholarshipGranted(command.scholarshipId(), command.organizationId(), command.granteeId(),
                command.scope(), command.name(), command.amount().normalized(), command.validFrom(),
                command.validUntil(), Set.copyOf(command.kinds()), command.actor(), command.at()));
    }

    /**
     * @throws RuleViolationException {@code scholarship-withdrawn}, {@code scholarship-not-started},
     *                                {@code scholarship-expired}, {@code scholarship-not-applicable} (nothing on the
     *                                invoice it pays for), {@code scholarship-exceeded} (more than remains or than
     *                                the eligible purchases)
     */
    @CommandHandler
    void handle(UseScholarship command) {
        if (uses.containsKey(command.useId())) {
            return;
        }
        if (withdrawn) {
            throw new RuleViolationException("scholarship-withdrawn", "This financial aid was withdrawn.");
        }
        if (command.today().isBefore(validFrom)) {
            throw new RuleViolationException("scholarship-not-started", "This financial aid starts on " + validFrom
                    + ".");
        }
        if (validUntil != null && command.today().isAfter(validUntil)) {
            throw new RuleViolationException("scholarship-expired", "This financial aid ended on " + validUntil
                    + ".");
        }
        if (command.eligible().signum() <= 0) {
            throw new RuleViolationException("scholarship-not-applicable", "Nothing on this invoice is eligible for "
                    + "this financial aid.");
        }
        if (command.amount() == null || command.amount().signum() <= 0
                || !command.amount().currency().equals(remaining.currency())) {
            throw InvalidInputException.of("amount", "must be above zero, in " + remaining.currency());
        }
        Money amount = command.amount().normalized();
        if (amount.exceeds(remaining) || amount.exceeds(command.eligible())) {
            throw new RuleViolationException("scholarship-exceeded", "This financial aid can pay at most "
                    + remaining.min(command.eligible()).amount() + " " + remaining.currency() + " here.");
        }
        apply(new ScholarshipUsed(scholarshipId, command.useId(), command.invoiceId(), amount, remaining.minus(amount),
                command.actor(), command.at()));
    }

    @CommandHandler
    void handle(ReleaseScholarshipUse command) {
        Money taken = uses.get(command.useId());
        if (taken == null || taken.isZero()) {
            return;
        }
        apply(new ScholarshipUseReleased(scholarshipId, command.useId(), taken, remaining.plus(taken),
                command.reason(), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(WithdrawScholarship command) {
        if (withdrawn) {
            return;
        }
        apply(new ScholarshipWithdrawn(scholarshipId, remaining, command.reason(), command.actor(), command.at()));
    }

    @EventSourcingHandler
    void on(ScholarshipGranted event) {
        scholarshipId = event.scholarshipId();
        remaining = event.amount();
        validFrom = event.validFrom();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(ScholarshipUsed event) {
        uses.put(event.useId(), event.amount());
        remaining = event.remaining();
    }

    @EventSourcingHandler
    void on(ScholarshipUseReleased event) {
        uses.put(event.useId(), Money.zero(event.amount().currency()));
        remaining = event.remaining();
    }

    @EventSourcingHandler
    void on(ScholarshipWithdrawn event) {
        withdrawn = true;
    }
}
