package io.palestra.billing.mandate;

import java.util.List;
import java.util.UUID;

/** The recorded mandates collections quote, found by their reference. */
public interface MandateLookup {

    /**
     * @param iban    the account debited
     * @param revoked whether it may no longer be used
     */
    record KnownMandate(UUID mandateId, UUID memberId, String iban, boolean revoked) {
    }

    /**
     * The mandates of the organisation billing recorded with {@code reference}, latest first: usually one, but a
     * reference is unique per member only (two paper forms may carry the same one).
     */
    List<KnownMandate> byReference(UUID organizationId, String reference);
}
