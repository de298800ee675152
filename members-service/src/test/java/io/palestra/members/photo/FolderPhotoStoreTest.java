package io.palestra.members.photo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FolderPhotoStoreTest {

    @TempDir
    Path folder;

    private final UUID member = UUID.randomUUID();

    @Test
    void aSavedPhotoIsLoadedBackInEachSize() {
        FolderPhotoStore store = new FolderPhotoStore(folder);
        UUID photo = UUID.randomUUID();

        store.save(member, photo, Map.of(PhotoSize.SMALL, new byte[] {1}, PhotoSize.LARGE, new byte[] {2, 2}));

        assertThat(store.load(member, photo, PhotoSize.SMALL)).hasValue(new byte[] {1});
        assertThat(store.load(member, photo, PhotoSize.LARGE)).hasValue(new byte[] {2, 2});
        assertThat(store.load(UUID.randomUUID(), photo, PhotoSize.LARGE)).isEmpty();
    }

    @Test
    void deleteAllButKeepsTheCurrentPhotoAndAnyStoredAfterTheChange() throws IOException {
        FolderPhotoStore store = new FolderPhotoStore(folder);
        UUID old = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        Instant change = Instant.parse("2026-11-24T10:00:00Z");
        store.save(member, old, Map.of(PhotoSize.SMALL, new byte[] {1}));
        store.save(member, current, Map.of(PhotoSize.SMALL, new byte[] {2}));
        store.save(member, newer, Map.of(PhotoSize.SMALL, new byte[] {3}));
        storedAt(old, change.minusSeconds(60));
        storedAt(current, change.minusSeconds(30));
        storedAt(newer, change.plusSeconds(5));

        store.deleteAllBut(member, current, change);

        assertThat(store.load(member, old, PhotoSize.SMALL)).isEmpty();
        assertThat(store.load(member, current, PhotoSize.SMALL)).isPresent();
        assertThat(store.load(member, newer, PhotoSize.SMALL)).isPresent();

        store.deleteAllBut(member, null, null);
        try (Stream<Path> left = Files.list(folder.resolve(member.toString()))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void deleteRemovesOnePhotoInEverySize() {
        FolderPhotoStore store = new FolderPhotoStore(folder);
        UUID refused = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        store.save(member, refused, Map.of(PhotoSize.SMALL, new byte[] {1}, PhotoSize.LARGE, new byte[] {1}));
        store.save(member, kept, Map.of(PhotoSize.SMALL, new byte[] {2}));

        store.delete(member, refused);

        assertThat(store.load(member, refused, PhotoSize.SMALL)).isEmpty();
        assertThat(store.load(member, refused, PhotoSize.LARGE)).isEmpty();
        assertThat(store.load(member, kept, PhotoSize.SMALL)).isPresent();
    }

    @Test
    void nothingToDeleteForAMemberWithoutPhotos() {
        new FolderPhotoStore(folder).deleteAllBut(member, null, null);

        assertThat(folder.resolve(member.toString())).doesNotExist();
    }

    private void storedAt(UUID photo, Instant at) throws IOException {
        Files.setLastModifiedTime(folder.resolve(member.toString()).resolve(photo + "-small.jpg"),
                FileTime.from(at));
    }
}
