package io.palestra.platform.personal;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Subject keys in the service's own database ({@code personal_data_key}), created in the transaction of the first
 * event that needs one. Keys read are kept in memory for a while (an erasure on another instance reaches this one's
 * memory within that time; nothing of it is written anywhere).
 */
public class JdbcSubjectKeys implements SubjectKeys {

    private static final int MAX_CACHED = 50_000;

    private final JdbcClient jdbc;
    private final long timeToLiveNanos;
    private final Map<UUID, Cached> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    };

    public JdbcSubjectKeys(JdbcClient jdbc, Duration timeToLive) {
        this.jdbc = jdbc;
        this.timeToLiveNanos = timeToLive.toNanos();
    }

    @Override
    public SecretKey keyOf(UUID subject) {
        return existingKeyOf(subject).orElseGet(() -> {
            jdbc.sql("INSERT INTO personal_data_key (subject_id, key_bytes) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(subject, PersonalDataCipher.newKey().getEncoded())
                    .update();
            return read(subject).orElseThrow(() -> new IllegalStateException("No key for " + subject));
        });
    }

    @Override
    public Optional<SecretKey> existingKeyOf(UUID subject) {
        synchronized (cache) {
            Cached cached = cache.get(subject);
            if (cached != null && System.nanoTime() - cached.readAt() < timeToLiveNanos) {
                return Optional.of(cached.key());
            }
        }
        return read(subject);
    }

    @Override
    public void destroy(UUID subject) {
        jdbc.sql("DELETE FROM personal_data_key WHERE subject_id = ?").param(subject).update();
        synchronized (cache) {
            cache.remove(subject);
        }
    }

    private Optional<SecretKey> read(UUID subject) {
        Optional<SecretKey> key = jdbc.sql("SELECT key_bytes FROM personal_data_key WHERE subject_id = ?")
                .param(subject)
                .query((row, number) -> (SecretKey) new SecretKeySpec(row.getBytes(1), "AES"))
                .optional();
        key.ifPresent(found -> {
            synchronized (cache) {
                cache.put(subject, new Cached(found, System.nanoTime()));
            }
        });
        return key;
    }

    private record Cached(SecretKey key, long readAt) {
    }
}
