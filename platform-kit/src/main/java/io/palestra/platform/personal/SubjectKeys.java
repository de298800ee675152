package io.palestra.platform.personal;

import javax.crypto.SecretKey;
import java.util.Optional;
import java.util.UUID;

/** The encryption key of each data subject. Destroying one makes that person's stored personal data unreadable. */
public interface SubjectKeys {

    /** The subject's key, created on first use. */
    SecretKey keyOf(UUID subject);

    /** The subject's key; empty once it was destroyed (or if it never existed). */
    Optional<SecretKey> existingKeyOf(UUID subject);

    /** Destroys the subject's key for good: every field encrypted with it reads back as null from then on. */
    void destroy(UUID subject);
}
