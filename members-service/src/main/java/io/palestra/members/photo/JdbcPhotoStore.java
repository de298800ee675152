package io.palestra.members.photo;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Photos in the service's own database, one row per photo and size. */
class JdbcPhotoStore implements PhotoStore {

    private final JdbcClient jdbc;

    JdbcPhotoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UUID memberId, UUID photoId, Map<PhotoSize, byte[]> renditions) {
        renditions.forEach((size, content) -> jdbc.sql("""
                        INSERT INTO member_photo (photo_id, size, member_id, content) VALUES (?, ?, ?, ?)
                        ON CONFLICT (photo_id, size) DO NOTHING""")
                .params(photoId, size.value(), memberId, content).update());
    }

    @Override
    public Optional<byte[]> load(UUID memberId, UUID photoId, PhotoSize size) {
        return jdbc.sql("SELECT content FROM member_photo WHERE photo_id = ? AND size = ? AND member_id = ?")
                .params(photoId, size.value(), memberId)
                .query((row, number) -> row.getBytes(1)).optional();
    }

    @Override
    public void delete(UUID memberId, UUID photoId) {
        jdbc.sql("DELETE FROM member_photo WHERE photo_id = ? AND member_id = ?").params(photoId, memberId).update();
    }

    @Override
    public void deleteAllBut(UUID memberId, UUID keep, Instant storedBefore) {
        OffsetDateTime before = storedBefore == null ? null : storedBefore.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        DELETE FROM member_photo WHERE member_id = ? AND photo_id IS DISTINCT FROM ?
                        AND (?::timestamptz IS NULL OR created_at < ?::timestamptz)""")
                .params(memberId, keep, before, before).update();
    }
}
