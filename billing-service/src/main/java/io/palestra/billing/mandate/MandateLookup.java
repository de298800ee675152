package io.palestra.billing.mandate;

import java.util.Optional;
import java.util.UUID;

/** The recorded mandates collections quote, found by their reference. */
public interface MandateLookup {

    /**
     * @param iban    the account debited
     * @param revoked whether it may no longer be used
     */
    record KnownMandate(UUID mandateId, UUID memberId, String iban, boolean revoked) {
    }

    /** The organisation's mandate with {@code reference}, if billing recorded one. */
    Optional<KnownMandate> byReference(UUID organizationId, String reference);
}
