package io.palestra.members.member;

import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MemberMessages.RegisterMember;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The record of one member of an organisation. Registration itself is decided by {@link MemberRegistration}. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private UUID memberId;
    private UUID organizationId;
    private UUID siteId;
    private String memberCode;

    protected Member() {
    }

    Member(RegisterMember command, String memberCode) {
        apply(new MemberRegistered(command.memberId(), command.organizationId(), command.siteId(), memberCode,
                command.firstName().strip(), command.lastName().strip(), command.email(), command.phone(),
                command.birthDate(), command.gender(), command.country(), command.registeredAt()));
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        organizationId = event.organizationId();
        siteId = event.siteId();
        memberCode = event.memberCode();
    }
}
