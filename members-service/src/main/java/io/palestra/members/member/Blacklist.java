package io.palestra.members.member;

import io.palestra.members.member.BlacklistMessages.BlacklistMember;
import io.palestra.members.member.BlacklistMessages.BlacklistPeriodLifted;
import io.palestra.members.member.BlacklistMessages.LiftBlacklistPeriod;
import io.palestra.members.member.BlacklistMessages.MemberBlacklisted;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import io.palestra.members.member.MergeMessages.MembersMerged;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The periods during which a member may not book online. */
class Blacklist extends MemberPart {

    private final Set<UUID> periods = new HashSet<>();

    @CommandHandler
    void handle(BlacklistMember command) {
        requireActive();
        if (command.until() != null && command.until().isBefore(command.from())) {
            throw new RuleViolationException("period-reversed", "A blacklist period cannot end before it starts.");
        }
        if (!periods.contains(command.periodId())) {
            apply(new MemberBlacklisted(memberId, organizationId, command.periodId(), command.from(), command.until(),
                    command.reason(), command.by()));
        }
    }

    @CommandHandler
    void handle(LiftBlacklistPeriod command) {
        requireActive();
        if (!periods.contains(command.periodId())) {
            throw NotFoundException.of("blacklist-period", command.periodId());
        }
        apply(new BlacklistPeriodLifted(memberId, organizationId, command.periodId(), command.by()));
    }

    @EventSourcingHandler
    void on(MemberBlacklisted event) {
        periods.add(event.periodId());
    }

    @EventSourcingHandler
    void on(MembersMerged event) {
        periods.addAll(event.blacklistPeriodIds());
    }

    Set<UUID> ids() {
        return Set.copyOf(periods);
    }

    @EventSourcingHandler
    void on(BlacklistPeriodLifted event) {
        periods.remove(event.periodId());
    }

    @Override
    protected void forget() {
        // the periods are business facts: they stay, and an anonymized member books nothing anyway
    }
}
