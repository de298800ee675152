package io.palestra.events.billing;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member signed a SEPA direct-debit mandate and billing recorded it: their direct-debit subscriptions waiting for a
 * mandate can now be collected with {@code reference}. The IBAN itself stays in billing; only its last four characters
 * are published, for staff to recognise the account.
 *
 * @param organizationId the organisation (the creditor)
 * @param memberId       the member who signed it (also the record key)
 * @param mandateId      the mandate
 * @param reference      the unique mandate reference (RUM) collections quote
 * @param ibanLast4      the last four characters of the debited IBAN, e.g. {@code 0189}
 * @param signedOn       the day it was signed
 * @param recordedAt     when billing recorded it
 */
@JsonTypeName("palestra.billing.MandateRecorded.v1")
public record MandateRecorded(UUID organizationId, UUID memberId, UUID mandateId, String reference, String ibanLast4,
                              LocalDate signedOn, Instant recordedAt) implements BillingEvent {
}
