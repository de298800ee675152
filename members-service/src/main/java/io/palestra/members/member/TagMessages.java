package io.palestra.members.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Filing a member under the organisation's tags. */
public final class TagMessages {

    /** Why a member lost a tag: staff took it off, or the organisation deleted the tag. */
    public static final String UNASSIGNED = "unassigned";
    public static final String TAG_DELETED = "tag-deleted";

    private TagMessages() {
    }

    public record TagMember(@TargetAggregateIdentifier UUID memberId, UUID tagId) {
    }

    public record UntagMember(@TargetAggregateIdentifier UUID memberId, UUID tagId, String reason) {
    }

    public record MemberTagged(UUID memberId, UUID organizationId, UUID tagId) {
    }

    public record MemberUntagged(UUID memberId, UUID organizationId, UUID tagId, String reason) {
    }
}
