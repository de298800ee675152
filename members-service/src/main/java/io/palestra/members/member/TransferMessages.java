package io.palestra.members.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** Moving a member to another site of the organisation (multi-site chains). */
public final class TransferMessages {

    private TransferMessages() {
    }

    public record TransferMember(@TargetAggregateIdentifier UUID memberId, UUID toSiteId, String by,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    public record MemberTransferred(UUID memberId, UUID organizationId, UUID fromSiteId, UUID toSiteId, String by) {
    }
}
