package io.palestra.subscription.catalog;

import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.subscription.catalog.PlanMessages.ChangePlanPrice;
import io.palestra.subscription.catalog.PlanMessages.DefinePlan;
import io.palestra.subscription.catalog.PlanMessages.PlanDefined;
import io.palestra.subscription.catalog.PlanMessages.PlanPriceChanged;
import io.palestra.subscription.catalog.PlanMessages.PlanPublished;
import io.palestra.subscription.catalog.PlanMessages.PlanRetired;
import io.palestra.subscription.catalog.PlanMessages.PlanRevised;
import io.palestra.subscription.catalog.PlanMessages.PublishPlan;
import io.palestra.subscription.catalog.PlanMessages.RetirePlan;
import io.palestra.subscription.catalog.PlanMessages.RevisePlan;
import io.palestra.platform.organization.Organizations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An offer of an organisation's catalog. A draft can be revised; once published it is sold at its terms, and only its
 * prices change (existing subscribers keep theirs unless told otherwise); retired, it is sold no more. Prices are in
 * the organisation's currency, sites are the organisation's.
 */
@Aggregate
public class Plan {

    enum Status { DRAFT, PUBLISHED, RETIRED }

    @AggregateIdentifier
    private UUID planId;
    private UUID organizationId;
    private PlanKind kind;
    private PlanTerms terms;
    private Status status;

    protected Plan() {
    }

    @CommandHandler
    Plan(DefinePlan command, Organizations organizations) {
        PlanTerms checked = checked(command.kind(), command.terms(), command.organizationId(), organizations);
        apply(new PlanDefined(command.planId(), command.organizationId(), command.kind(), checked));
    }

    @CommandHandler
    void handle(RevisePlan command, Organizations organizations) {
        if (status != Status.DRAFT) {
            throw new RuleViolationException("plan-not-draft",
                    "Only a draft can be revised; change the price of a published plan, or retire it.");
        }
        PlanTerms checked = checked(kind, command.terms(), organizationId, organizations);
        if (!checked.equals(terms)) {
            apply(new PlanRevised(planId, organizationId, checked));
        }
    }

    @CommandHandler
    void handle(PublishPlan command) {
        if (status == Status.PUBLISHED) {
            return;
        }
        if (status == Status.RETIRED) {
            throw retired();
        }
        apply(new PlanPublished(planId, organizationId, kind, terms, command.at()));
    }

    @CommandHandler
    void handle(ChangePlanPrice command, Organizations organizations) {
        if (status != Status.PUBLISHED) {
            throw status == Status.RETIRED ? retired() : new RuleViolationException("plan-not-published",
                    "A draft's price is revised with the rest of its terms.");
        }
        PlanTerms changed = checked(kind, terms.withPrices(command.price(), command.categoryPrices()), organizationId,
                organizations);
        if (!changed.price().equals(terms.price()) || !changed.categoryPrices().equals(terms.categoryPrices())
                || command.existingSubscribersToo()) {
            apply(new PlanPriceChanged(planId, organizationId, changed.price(), changed.categoryPrices(),
                    command.existingSubscribersToo()));
        }
    }

    @CommandHandler
    void handle(RetirePlan command) {
        if (status != Status.RETIRED) {
            apply(new PlanRetired(planId, organizationId, command.at()));
        }
    }

    private static PlanTerms checked(PlanKind kind, PlanTerms terms, UUID organizationId,
                                     Organizations organizations) {
        List<InvalidField> problems = terms.problems(kind);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String currency = organizations.requiredCurrency(organizationId);
        if (!terms.currencies().equals(Set.of(currency))) {
            throw new RuleViolationException("wrong-currency",
                    "The organisation sells in " + currency + "; every price of the plan must be in it.");
        }
        Set<UUID> sites = organizations.sites(organizationId);
        if (!sites.containsAll(terms.siteIds())) {
            throw new RuleViolationException("unknown-site", "Every site of the plan must be one of yours.");
        }
        return terms.normalized();
    }

    private static RuleViolationException retired() {
        return new RuleViolationException("plan-retired", "This plan is retired: it is sold no more.");
    }

    @EventSourcingHandler
    void on(PlanDefined event) {
        planId = event.planId();
        organizationId = event.organizationId();
        kind = event.kind();
        terms = event.terms();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(PlanRevised event) {
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(PlanPublished event) {
        status = Status.PUBLISHED;
    }

    @EventSourcingHandler
    void on(PlanPriceChanged event) {
        terms = terms.withPrices(event.price(), event.categoryPrices());
    }

    @EventSourcingHandler
    void on(PlanRetired event) {
        status = Status.RETIRED;
    }
}
