package io.palestra.members.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The member's photo. The images themselves are kept by the photo store; the record names the current one. */
public final class PhotoMessages {

    private PhotoMessages() {
    }

    public record ChangePhoto(@TargetAggregateIdentifier UUID memberId, UUID photoId) {
    }

    public record RemovePhoto(@TargetAggregateIdentifier UUID memberId) {
    }

    public record MemberPhotoChanged(UUID memberId, UUID organizationId, UUID photoId) {
    }

    public record MemberPhotoRemoved(UUID memberId, UUID organizationId, UUID photoId) {
    }
}
