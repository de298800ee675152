package io.palestra.members.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Relations between members of an organisation. A relation is recorded in the history of the member it was added
 * from (its owner); both members see it, each from their side. {@code kind} is what the other member is to the owner:
 * {@code child} reads "the other member is the owner's child", and the other sees the owner as {@code parent}.
 */
public final class RelationMessages {

    private RelationMessages() {
    }

    public record RelateMember(@TargetAggregateIdentifier UUID memberId, UUID relationId, UUID otherMemberId,
                               RelationKind kind) {
    }

    public record EndRelation(@TargetAggregateIdentifier UUID memberId, UUID relationId) {
    }

    public record MembersRelated(UUID memberId, UUID organizationId, UUID relationId, UUID otherMemberId,
                                 RelationKind kind) {
    }

    public record RelationEnded(UUID memberId, UUID organizationId, UUID relationId, UUID otherMemberId) {
    }
}
