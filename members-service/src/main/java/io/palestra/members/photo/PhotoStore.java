package io.palestra.members.photo;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where members' photos are kept: in PostgreSQL (the default) or in a folder ({@code palestra.members.photos.folder}).
 * Photos are not events: the member record names the current photo, and the store forgets the others.
 */
public interface PhotoStore {

    void save(UUID memberId, UUID photoId, Map<PhotoSize, byte[]> renditions);

    Optional<byte[]> load(UUID memberId, UUID photoId, PhotoSize size);

    /** Deletes one photo, in every size: an upload whose change was refused. */
    void delete(UUID memberId, UUID photoId);

    /**
     * Deletes the member's photos stored before {@code storedBefore} (null: whenever), except {@code keep} (null:
     * none). A photo uploaded since is left alone: the change naming it is on its way.
     */
    void deleteAllBut(UUID memberId, UUID keep, Instant storedBefore);
}
