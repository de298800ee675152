package io.palestra.subscription.pass;

import io.palestra.platform.personal.PersonalDataContributor;
import io.palestra.platform.security.Caller;
import io.palestra.subscription.pass.PassQueries.Ledger;
import io.palestra.subscription.pass.PassQueries.ListPasses;
import io.palestra.subscription.pass.PassQueries.PassLedger;
import io.palestra.subscription.pass.PassQueries.PassList;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** A member's own passes with their ledgers, for the member's access request. */
@Component
class PassesSection implements PersonalDataContributor {

    private final QueryGateway queries;

    PassesSection(QueryGateway queries) {
        this.queries = queries;
    }

    record Held(PassQueries.PassView pass, List<PassQueries.LedgerEntry> ledger) {
    }

    @Override
    public String section() {
        return "passes";
    }

    @Override
    public Object export(Caller caller, UUID memberId) {
        return queries.query(new ListPasses(caller.organization(), memberId, List.of(memberId), null),
                        PassList.class).join().items().stream()
                .filter(pass -> pass.memberId().equals(memberId))
                .map(pass -> new Held(pass, queries.query(new PassLedger(caller.organization(), pass.id()),
                        ResponseTypes.optionalInstanceOf(Ledger.class)).join().map(Ledger::entries)
                        .orElse(List.of())))
                .toList();
    }
}
