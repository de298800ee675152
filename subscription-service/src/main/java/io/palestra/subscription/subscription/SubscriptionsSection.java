package io.palestra.subscription.subscription;

import io.palestra.platform.personal.PersonalDataContributor;
import io.palestra.platform.security.Caller;
import io.palestra.subscription.subscription.SubscriptionQueries.InstallmentList;
import io.palestra.subscription.subscription.SubscriptionQueries.InstallmentView;
import io.palestra.subscription.subscription.SubscriptionQueries.ListInstallments;
import io.palestra.subscription.subscription.SubscriptionQueries.ListSubscriptions;
import io.palestra.subscription.subscription.SubscriptionQueries.SubscriptionPage;
import io.palestra.subscription.subscription.SubscriptionQueries.SubscriptionView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** A member's subscriptions with their installments, for the member's access request. */
@Component
class SubscriptionsSection implements PersonalDataContributor {

    private static final int ENOUGH = 500;

    private final QueryGateway queries;

    SubscriptionsSection(QueryGateway queries) {
        this.queries = queries;
    }

    record Held(SubscriptionView subscription, List<InstallmentView> installments) {
    }

    @Override
    public String section() {
        return "subscriptions";
    }

    @Override
    public Object export(Caller caller, UUID memberId) {
        SubscriptionFilter filter = new SubscriptionFilter(null, null, null, memberId, null, null, null, null, null,
                null, null, null);
        return queries.query(new ListSubscriptions(caller.organization(), filter, SubscriptionSort.CREATED, ENOUGH,
                        null), SubscriptionPage.class).join().items().stream()
                .map(subscription -> new Held(subscription, queries.query(new ListInstallments(caller.organization(),
                        subscription.id()), InstallmentList.class).join().items()))
                .toList();
    }
}
