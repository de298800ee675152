package io.palestra.members.gdpr;

import io.palestra.members.member.MemberAccess;
import io.palestra.members.member.MemberQueries.ConsentDecisionView;
import io.palestra.members.member.MemberQueries.FindConsentHistory;
import io.palestra.platform.personal.PersonalDataContributor;
import io.palestra.platform.security.Caller;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Every consent decision recorded for the member, newest first, with its source and who recorded it. */
@Component
@Order(3)
class ConsentHistorySection implements PersonalDataContributor {

    private final MemberAccess members;
    private final QueryGateway queries;

    ConsentHistorySection(MemberAccess members, QueryGateway queries) {
        this.members = members;
        this.queries = queries;
    }

    @Override
    public String section() {
        return "consentHistory";
    }

    @Override
    public List<ConsentDecisionView> export(Caller caller, UUID memberId) {
        members.visible(caller, memberId);
        return queries.query(new FindConsentHistory(caller.organization(), memberId),
                ResponseTypes.multipleInstancesOf(ConsentDecisionView.class)).join();
    }
}
