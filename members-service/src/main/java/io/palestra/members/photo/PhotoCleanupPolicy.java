package io.palestra.members.photo;

import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MergeMessages.MemberMergedInto;
import io.palestra.members.member.PhotoMessages.MemberPhotoChanged;
import io.palestra.members.member.PhotoMessages.MemberPhotoRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the store to the photo the record names: a replaced or removed photo is deleted (only photos stored before
 * the change: a newer upload is on its way), and the photos of an erased member or of a record merged into another
 * are deleted for good. Idempotent; a
 * replay deletes only for erasures and merges.
 */
@Component
@ProcessingGroup("photo-cleanup-policy")
class PhotoCleanupPolicy {

    private final PhotoStore store;

    PhotoCleanupPolicy(PhotoStore store) {
        this.store = store;
    }

    @EventHandler
    @DisallowReplay
    void on(MemberPhotoChanged event, @Timestamp Instant at) {
        store.deleteAllBut(event.memberId(), event.photoId(), at);
    }

    @EventHandler
    @DisallowReplay
    void on(MemberPhotoRemoved event, @Timestamp Instant at) {
        store.deleteAllBut(event.memberId(), null, at);
    }

    /** The duplicate's record is gone; the survivor keeps its own photo. */
    @EventHandler
    void on(MemberMergedInto event) {
        store.deleteAllBut(event.memberId(), null, null);
    }

    @EventHandler
    void on(MemberAnonymized event) {
        store.deleteAllBut(event.memberId(), null, null);
    }
}
