package io.palestra.members.member;

import io.palestra.members.member.ConsentMessages.ConsentRecorded;
import io.palestra.members.member.ConsentMessages.ConsentTopic;
import io.palestra.members.member.ConsentMessages.ConsentDecision;
import io.palestra.members.member.ConsentMessages.RecordConsents;
import io.palestra.members.settings.Catalog;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The member's current decision per channel and per marketing preference: the most recently expressed one wins, so
 * that a paper form recorded late does not override a newer decision.
 */
class Consents extends MemberPart {

    private final Map<ConsentTopic, Decision> decisions = new HashMap<>();

    record Decision(boolean granted, String source, Instant decidedAt) {
    }

    @CommandHandler
    void handle(RecordConsents command, Catalog catalog) {
        requireActive();
        for (ConsentDecision decision : command.decisions()) {
            UUID preference = decision.topic().preferenceId();
            if (preference != null && !catalog.offersPreference(organizationId, preference)) {
                throw new RuleViolationException("unknown-marketing-preference",
                        "Marketing preference " + preference + " is not one you offer.");
            }
        }
        for (ConsentDecision decision : command.decisions()) {
            apply(new ConsentRecorded(memberId, organizationId, decision.topic().channel(),
                    decision.topic().preferenceId(), decision.granted(), decision.source(), decision.decidedAt()));
        }
    }

    Map<ConsentTopic, Decision> decisions() {
        return Collections.unmodifiableMap(decisions);
    }

    /** Takes the duplicate's decisions where they are more recent than this member's: the most recent wins. */
    void absorb(Map<ConsentTopic, Decision> taken) {
        taken.forEach((topic, decision) -> {
            Decision current = decisions.get(topic);
            if (current == null || decision.decidedAt().isAfter(current.decidedAt())) {
                apply(new ConsentRecorded(memberId, organizationId, topic.channel(), topic.preferenceId(),
                        decision.granted(), decision.source(), decision.decidedAt()));
            }
        });
    }

    @EventSourcingHandler
    void on(ConsentRecorded event) {
        Decision current = decisions.get(event.topic());
        if (current == null || !event.decidedAt().isBefore(current.decidedAt())) {
            decisions.put(event.topic(), new Decision(event.granted(), event.source(), event.decidedAt()));
        }
    }

    @Override
    protected void forget() {
        // the decisions prove what the member agreed to; they name no one once the member is erased
    }
}
