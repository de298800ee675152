package io.palestra.members.member;

import io.palestra.members.member.Member.HandedOver;
import io.palestra.members.member.MergeMessages.MergeMembers;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Decides a merge: both records change in one unit of work, so the duplicate becomes a redirect exactly when the
 * survivor takes it over. A duplicate in a household is refused: staff move the household link first, since it
 * decides who pays.
 */
@Component
class MemberMerger {

    private final Repository<Member> members;
    private final HouseholdLinks households;

    MemberMerger(Repository<Member> members, HouseholdLinks households) {
        this.members = members;
        this.households = households;
    }

    @CommandHandler
    void handle(MergeMembers command) {
        if (households.inHousehold(command.duplicateId())) {
            throw new RuleViolationException("duplicate-in-household", "Member " + command.duplicateId()
                    + " belongs to a household: take them out of it (or merge the other way) first.");
        }
        Aggregate<Member> survivor = members.load(command.survivorId().toString());
        Aggregate<Member> duplicate = members.load(command.duplicateId().toString());
        HandedOver handedOver = duplicate.invoke(record -> record.handOverTo(command.survivorId(), command.by()));
        survivor.execute(record -> record.absorb(command.duplicateId(), handedOver, command.by()));
    }
}
