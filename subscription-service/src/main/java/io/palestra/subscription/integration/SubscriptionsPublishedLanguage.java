package io.palestra.subscription.integration;

import io.palestra.events.Price;
import io.palestra.events.subscriptions.CreditConsumed;
import io.palestra.events.subscriptions.CreditRefused;
import io.palestra.events.subscriptions.CreditRestored;
import io.palestra.events.subscriptions.InstallmentDue;
import io.palestra.events.subscriptions.MemberSubscribed;
import io.palestra.events.subscriptions.PassActivated;
import io.palestra.events.subscriptions.PassCreditsMoved;
import io.palestra.events.subscriptions.PassEnded;
import io.palestra.events.subscriptions.PassExtended;
import io.palestra.events.subscriptions.PassIssued;
import io.palestra.events.subscriptions.SubscriptionPlanChanged;
import io.palestra.events.subscriptions.SubscriptionStatusChanged;
import io.palestra.platform.relay.Publication;
import io.palestra.platform.relay.PublishedLanguage;
import io.palestra.platform.money.Money;
import io.palestra.subscription.catalog.PlanMessages.PlanPriceChanged;
import io.palestra.subscription.catalog.PlanMessages.PlanPublished;
import io.palestra.subscription.catalog.PlanMessages.PlanRetired;
import io.palestra.subscription.catalog.PlanTerms;
import io.palestra.subscription.credit.CreditMessages;
import io.palestra.subscription.pass.PassMessages;
import io.palestra.subscription.subscription.MembershipTerms;
import io.palestra.subscription.subscription.SpecialOffer;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentFellDue;
import io.palestra.subscription.subscription.SubscriptionMessages.PlanChangeScheduled;
import io.palestra.subscription.subscription.SubscriptionMessages.StatusChanged;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribed;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place where subscription-service's internal events become the published contract: the catalog's offers
 * once published (whole), their price changes and their retirement (drafts stay inside); subscriptions, their statuses,
 * plan changes and installments; passes, their credit movements and the credit protocol's answers.
 */
@Component
class SubscriptionsPublishedLanguage implements PublishedLanguage {

    @Override
    public List<Publication> translate(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof PlanPublished published) {
            PlanTerms terms = published.terms();
            return List.of(Publication.of(new io.palestra.events.subscriptions.PlanPublished(
                    published.organizationId(), published.planId(), published.kind().value(), terms.name(),
                    price(terms.price()), terms.vatRate(), prices(terms.categoryPrices()), terms.siteIds(),
                    terms.activityTypes(), terms.period() == null ? null : terms.period().value(),
                    terms.commitmentMonths(), terms.billingDay(), terms.classesPerWeek(), price(terms.joiningFee()),
                    terms.credits(), terms.validityDays(), terms.validUntil(),
                    terms.activation() == null ? null : terms.activation().value(), terms.shareableByHousehold(),
                    published.at()), published.planId()));
        }
        if (payload instanceof PlanPriceChanged changed) {
            return List.of(Publication.of(new io.palestra.events.subscriptions.PlanPriceChanged(
                    changed.organizationId(), changed.planId(), price(changed.price()),
                    prices(changed.categoryPrices()), changed.existingSubscribersToo()), changed.planId()));
        }
        if (payload instanceof PlanRetired retired) {
            return List.of(Publication.of(new io.palestra.events.subscriptions.PlanRetired(retired.organizationId(),
                    retired.planId(), retired.at()), retired.planId()));
        }
        List<Publication> subscriptionFacts = subscriptionFacts(payload);
        return subscriptionFacts.isEmpty() ? passFacts(payload) : subscriptionFacts;
    }

    /**
     * A pass's facts keyed by the pass; the credit protocol's answers keyed by the booking. Re-pointing after a merge
     * stays inside (consumers follow {@code MembersMerged} themselves).
     */
    private static List<Publication> passFacts(Object payload) {
        if (payload instanceof PassMessages.PassIssued issued) {
            return List.of(Publication.of(new PassIssued(issued.organizationId(), issued.passId(), issued.memberId(),
                    issued.planId(), issued.kind().value(), issued.credits(), issued.saleReference(),
                    issued.activation(), issued.validFrom(), issued.validUntil(), issued.shareable(),
                    issued.siteIds(), issued.activityTypes(), issued.at()), issued.passId()));
        }
        if (payload instanceof PassMessages.PassActivated activated) {
            return List.of(Publication.of(new PassActivated(activated.organizationId(), activated.passId(),
                    activated.memberId(), activated.validFrom(), activated.validUntil(), activated.at()),
                    activated.passId()));
        }
        if (payload instanceof PassMessages.CreditsMoved moved) {
            return List.of(Publication.of(new PassCreditsMoved(moved.organizationId(), moved.passId(),
                    moved.memberId(), moved.movement(), moved.from(), moved.to(), moved.credits(), moved.balance(),
                    moved.bookingId(), moved.reason(), moved.at(), moved.attendedOn()), moved.passId()));
        }
        if (payload instanceof PassMessages.PassExtended extended) {
            return List.of(Publication.of(new PassExtended(extended.organizationId(), extended.passId(),
                    extended.memberId(), extended.previousValidUntil(), extended.validUntil(), extended.reason(),
                    extended.at()), extended.passId()));
        }
        if (payload instanceof PassMessages.PassEnded ended) {
            return List.of(Publication.of(new PassEnded(ended.organizationId(), ended.passId(), ended.memberId(),
                    ended.reason(), ended.note(), ended.at()), ended.passId()));
        }
        if (payload instanceof CreditMessages.ClaimPaid paid) {
            return List.of(Publication.of(new CreditConsumed(paid.organizationId(), paid.bookingId(),
                    paid.sessionId(), paid.memberId(), paid.paidBy(), paid.payerId(), paid.credits(), paid.balance(),
                    paid.at()), paid.bookingId()));
        }
        if (payload instanceof CreditMessages.ClaimRefused refused) {
            return List.of(Publication.of(new CreditRefused(refused.organizationId(), refused.bookingId(),
                    refused.sessionId(), refused.memberId(), refused.reason(), refused.at()), refused.bookingId()));
        }
        if (payload instanceof CreditMessages.ClaimRestored restored) {
            return List.of(Publication.of(new CreditRestored(restored.organizationId(), restored.bookingId(),
                    restored.sessionId(), restored.memberId(), restored.paidBy(), restored.payerId(),
                    restored.credits(), restored.balance(), restored.at()), restored.bookingId()));
        }
        return List.of();
    }

    /** A subscription's facts, keyed by the subscription. Internal bookkeeping (uses, outlook) stays inside. */
    private static List<Publication> subscriptionFacts(Object payload) {
        if (payload instanceof Subscribed subscribed) {
            MembershipTerms terms = subscribed.terms();
            SpecialOffer offer = subscribed.offer();
            return List.of(Publication.of(new MemberSubscribed(subscribed.organizationId(),
                    subscribed.subscriptionId(), subscribed.memberId(), terms.planId(), subscribed.siteId(),
                    subscribed.startsOn(), subscribed.fixedLastDay(), terms.commitmentMonths() == null
                    || terms.commitmentMonths() == 0 ? null
                    : subscribed.startsOn().plusMonths(terms.commitmentMonths()).minusDays(1),
                    price(terms.price()), terms.category(), terms.period().value(), offer == null ? null
                    : new io.palestra.events.subscriptions.SpecialOffer(offer.percent(), price(offer.amount()),
                    offer.installments()), price(terms.joiningFee()), subscribed.firstCollectionOn(),
                    subscribed.paymentMethod().type(), subscribed.at()), subscribed.subscriptionId()));
        }
        if (payload instanceof StatusChanged changed) {
            return List.of(Publication.of(new SubscriptionStatusChanged(changed.organizationId(),
                    changed.subscriptionId(), changed.memberId(), changed.status().value(),
                    changed.previous() == null ? "none" : changed.previous().value(), changed.lastDay(),
                    changed.pauseFrom(), changed.pauseUntil(), changed.reason(), changed.at()),
                    changed.subscriptionId()));
        }
        if (payload instanceof PlanChangeScheduled change) {
            return List.of(Publication.of(new SubscriptionPlanChanged(change.organizationId(),
                    change.subscriptionId(), change.memberId(), change.fromPlanId(), change.terms().planId(),
                    price(change.terms().price()), change.effectiveOn(), change.at()), change.subscriptionId()));
        }
        if (payload instanceof InstallmentFellDue due) {
            return List.of(Publication.of(new InstallmentDue(due.organizationId(), due.subscriptionId(),
                    due.memberId(), due.siteId(), due.planId(), due.number(), due.dueOn(), due.periodStart(),
                    due.periodEnd(), due.lines().stream().map(line -> new InstallmentDue.Line(line.kind(),
                    line.description(), price(line.amount()))).toList(), price(due.amount()), due.vatRate(),
                    due.paymentMethod().type(), due.paymentMethod().reference(), due.at()), due.subscriptionId()));
        }
        return List.of();
    }

    private static Price price(Money money) {
        return money == null ? null : new Price(money.amount(), money.currency());
    }

    private static Map<String, Price> prices(Map<String, Money> prices) {
        Map<String, Price> published = new TreeMap<>();
        prices.forEach((category, money) -> published.put(category, price(money)));
        return published;
    }
}
