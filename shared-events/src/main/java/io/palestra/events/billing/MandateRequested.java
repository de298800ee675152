package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff asked a member to sign a direct-debit mandate (demander un mandat): the mailer e-mails the member the
 * organisation's mandate form. Billing records the mandate when it comes back signed ({@link MandateRecorded}).
 *
 * @param organizationId the organisation
 * @param memberId       the member to ask (also the record key)
 * @param siteId         the site that asks, whose details the e-mail may show, or null
 * @param requestedBy    who asked
 * @param requestedAt    when
 */
@JsonTypeName("palestra.billing.MandateRequested.v1")
public record MandateRequested(UUID organizationId, UUID memberId, @Nullable UUID siteId, String requestedBy,
                               Instant requestedAt) implements BillingEvent {
}
