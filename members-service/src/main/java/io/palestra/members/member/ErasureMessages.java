package io.palestra.members.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Erasing a member's personal data at their request (GDPR), for good. The confirmation must repeat the member's
 * code, so that a wrong id in a hurried request erases nobody.
 */
public final class ErasureMessages {

    private ErasureMessages() {
    }

    public record AnonymizeMember(@TargetAggregateIdentifier UUID memberId, String confirmation, String requestedBy) {
    }

    /** The member's personal data is gone: its key was destroyed with this event, in the same transaction. */
    public record MemberAnonymized(UUID memberId, UUID organizationId, String anonymizedBy) {
    }
}
