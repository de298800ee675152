package io.palestra.members.household;

import io.palestra.members.household.HouseholdMessages.DropErasedMember;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** An erased member leaves their household (which is dissolved if they held it). */
@Component
@ProcessingGroup("household-erasure-policy")
class HouseholdErasurePolicy {

    private final HouseholdMemberships memberships;
    private final CommandGateway commands;

    HouseholdErasurePolicy(HouseholdMemberships memberships, CommandGateway commands) {
        this.memberships = memberships;
        this.commands = commands;
    }

    @EventHandler
    void on(MemberAnonymized event) {
        memberships.householdOf(event.memberId()).ifPresent(household ->
                commands.sendAndWait(new DropErasedMember(household, event.memberId())));
    }
}
