package io.palestra.members.member;

import io.palestra.platform.personal.SubjectKeys;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** For aggregate fixtures, which keep no key store: a key per subject in memory, and which keys were destroyed. */
final class RecordingSubjectKeys implements SubjectKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<UUID, SecretKey> keys = new HashMap<>();
    private final Set<UUID> destroyed = new HashSet<>();

    Set<UUID> destroyed() {
        return destroyed;
    }

    @Override
    public SecretKey keyOf(UUID subject) {
        return keys.computeIfAbsent(subject, any -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return new SecretKeySpec(key, "AES");
        });
    }

    @Override
    public Optional<SecretKey> existingKeyOf(UUID subject) {
        return Optional.ofNullable(keys.get(subject));
    }

    @Override
    public void destroy(UUID subject) {
        keys.remove(subject);
        destroyed.add(subject);
    }
}
