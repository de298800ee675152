package io.palestra.members.member;

import java.util.List;
import java.util.UUID;

/**
 * Merging two records of one person: the survivor takes over the duplicate, which becomes a redirect to it. Both
 * aggregates change in one unit of work ({@link MemberMerger}).
 */
public final class MergeMessages {

    private MergeMessages() {
    }

    /** Staff chose which record stays ({@code survivorId}) and which goes ({@code duplicateId}). */
    public record MergeMembers(UUID survivorId, UUID duplicateId, String by) {
    }

    /** The duplicate's side: it is now a redirect to the survivor, and refuses every change. */
    public record MemberMergedInto(UUID memberId, UUID organizationId, UUID survivorId, String by) {
    }

    /**
     * The survivor's side, recorded before what it takes over (tags, consents, relations, missing contacts: their own
     * events follow). The duplicate's notes and blacklist periods now belong to the survivor, under their own ids.
     */
    public record MembersMerged(UUID memberId, UUID organizationId, UUID duplicateId, String duplicateMemberCode,
                                List<UUID> noteIds, List<UUID> blacklistPeriodIds, String by) {
    }
}
