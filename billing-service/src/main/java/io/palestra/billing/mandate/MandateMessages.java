package io.palestra.billing.mandate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Commands and events of a member's direct-debit mandates. */
public final class MandateMessages {

    private MandateMessages() {
    }

    /** The aggregate holding a member's mandates: one per member and organisation. */
    public static UUID mandatesOf(UUID organizationId, UUID memberId) {
        return UUID.nameUUIDFromBytes(("palestra:mandates:" + organizationId + ":" + memberId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param iban      as typed, spaces allowed
     * @param reference the mandate reference (RUM) printed on a paper form, or null: one is made
     * @param today     the organisation's day, which {@code signedOn} may not be after
     */
    public record RecordMandate(@TargetAggregateIdentifier UUID mandatesId, UUID organizationId, UUID memberId,
                                UUID mandateId, String iban, String bic, String holder, String reference,
                                LocalDate signedOn, LocalDate today, String actor, Instant at) {
    }

    public record RevokeMandate(@TargetAggregateIdentifier UUID mandatesId, UUID mandateId, String reason,
                                String actor, Instant at) {
    }

    public record RequestMandate(@TargetAggregateIdentifier UUID mandatesId, UUID organizationId, UUID memberId,
                                 UUID siteId, String actor, Instant at) {
    }

    /** @param iban the whole IBAN, normalised (no spaces, upper case): billing collects with it */
    public record MandateRecorded(UUID mandatesId, UUID organizationId, UUID memberId, UUID mandateId, String iban,
                                  String bic, String holder, String reference, LocalDate signedOn, String actor,
                                  Instant at) {
    }

    public record MandateRevoked(UUID mandatesId, UUID organizationId, UUID memberId, UUID mandateId,
                                 String reference, String reason, String actor, Instant at) {
    }

    public record MandateRequested(UUID mandatesId, UUID organizationId, UUID memberId, UUID siteId, String actor,
                                   Instant at) {
    }
}
