package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/**
 * A direct-debit mandate can no longer be used (the member withdrew it, the bank refused it): the direct-debit
 * subscriptions collected with {@code reference} need a new mandate.
 *
 * @param organizationId the organisation
 * @param memberId       the member who had signed it (also the record key)
 * @param mandateId      the mandate
 * @param reference      its reference (RUM)
 * @param reason         why, as staff wrote it
 * @param revokedAt      when
 */
@JsonTypeName("palestra.billing.MandateRevoked.v1")
public record MandateRevoked(UUID organizationId, UUID memberId, UUID mandateId, String reference, String reason,
                             Instant revokedAt) implements BillingEvent {
}
