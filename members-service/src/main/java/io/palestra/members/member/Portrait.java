package io.palestra.members.member;

import io.palestra.members.member.PhotoMessages.ChangePhoto;
import io.palestra.members.member.PhotoMessages.MemberPhotoChanged;
import io.palestra.members.member.PhotoMessages.MemberPhotoRemoved;
import io.palestra.members.member.PhotoMessages.RemovePhoto;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Which photo is the member's, if any. */
class Portrait extends MemberPart {

    private UUID photoId;

    @CommandHandler
    void handle(ChangePhoto command) {
        requireActive();
        if (!command.photoId().equals(photoId)) {
            apply(new MemberPhotoChanged(memberId, organizationId, command.photoId()));
        }
    }

    @CommandHandler
    void handle(RemovePhoto command) {
        requireActive();
        if (photoId != null) {
            apply(new MemberPhotoRemoved(memberId, organizationId, photoId));
        }
    }

    @EventSourcingHandler
    void on(MemberPhotoChanged event) {
        photoId = event.photoId();
    }

    @EventSourcingHandler
    void on(MemberPhotoRemoved event) {
        photoId = null;
    }

    @Override
    protected void forget() {
        photoId = null;
    }
}
