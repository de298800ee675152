package io.palestra.members.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Photos as files: {@code <folder>/<member id>/<photo id>-<size>.jpg}, each written to a temporary name and moved
 * into place, so that a reader never sees half a file. Point several instances at a shared folder.
 */
class FolderPhotoStore implements PhotoStore {

    private final Path folder;

    FolderPhotoStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public void save(UUID memberId, UUID photoId, Map<PhotoSize, byte[]> renditions) {
        try {
            Path memberFolder = Files.createDirectories(folder.resolve(memberId.toString()));
            for (Map.Entry<PhotoSize, byte[]> rendition : renditions.entrySet()) {
                Path target = memberFolder.resolve(name(photoId, rendition.getKey()));
                Path temporary = Files.createTempFile(memberFolder, ".upload-", ".tmp");
                Files.write(temporary, rendition.getValue());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store photo " + photoId + " in " + folder, e);
        }
    }

    @Override
    public Optional<byte[]> load(UUID memberId, UUID photoId, PhotoSize size) {
        try {
            return Optional.of(Files.readAllBytes(folder.resolve(memberId.toString()).resolve(name(photoId, size))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(UUID memberId, UUID photoId) {
        try {
            for (PhotoSize size : PhotoSize.values()) {
                Files.deleteIfExists(folder.resolve(memberId.toString()).resolve(name(photoId, size)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete photo " + photoId + " of member " + memberId, e);
        }
    }

    @Override
    public void deleteAllBut(UUID memberId, UUID keep, Instant storedBefore) {
        Path memberFolder = folder.resolve(memberId.toString());
        if (!Files.isDirectory(memberFolder)) {
            return;
        }
        String kept = keep == null ? null : keep + "-";
        try (Stream<Path> files = Files.list(memberFolder)) {
            for (Path file : files.toList()) {
                boolean other = kept == null || !file.getFileName().toString().startsWith(kept);
                if (other && (storedBefore == null
                        || Files.getLastModifiedTime(file).toInstant().isBefore(storedBefore))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete photos of member " + memberId, e);
        }
    }

    private static String name(UUID photoId, PhotoSize size) {
        return photoId + "-" + size.value() + ".jpg";
    }
}
