package io.palestra.billing.mandate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.billing.mandate.MandateMessages.MandateRecorded;
import io.palestra.billing.mandate.MandateMessages.MandateRequested;
import io.palestra.billing.mandate.MandateMessages.MandateRevoked;
import io.palestra.billing.mandate.MandateMessages.RecordMandate;
import io.palestra.billing.mandate.MandateMessages.RequestMandate;
import io.palestra.billing.mandate.MandateMessages.RevokeMandate;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's SEPA direct-debit mandates (mandats de prélèvement): each recorded with a valid IBAN (checked by iban4j:
 * country, length, format and check digits) and, when given, a valid BIC, the reference (RUM) collections quote and
 * the day it was signed, until it is revoked. The boundary of "a reference is used once per member" and "a mandate is
 * revoked once".
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class MemberMandates {

    /** No 0/O, 1/I/L, as gift card codes: a reference read on the phone cannot be mistyped. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @AggregateIdentifier
    private UUID mandatesId;
    private UUID organizationId;
    private UUID memberId;
    /** Reference of each mandate recorded. */
    private Map<UUID, String> references = new HashMap<>();
    private Set<UUID> revoked = new HashSet<>();

    protected MemberMandates() {
    }

    /**
     * Records a signed mandate; recording the same mandate again changes nothing.
     *
     * @throws InvalidInputException on an invalid IBAN or BIC, or a signature date in the future
     * @throws RuleViolationException {@code mandate-reference-used} when another mandate of the member has it
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMandate command) {
        if (references.containsKey(command.mandateId())) {
            return;
        }
        String iban = normalised(command.iban());
        try {
            IbanUtil.validate(iban);
        } catch (Iban4jException invalid) {
            throw InvalidInputException.of("iban", "is not a valid IBAN: " + invalid.getMessage());
        }
        String bic = command.bic() == null || command.bic().isBlank() ? null : normalised(command.bic());
        if (bic != null) {
            try {
                BicUtil.validate(bic);
            } catch (Iban4jException invalid) {
                throw InvalidInputException.of("bic", "is not a valid BIC: " + invalid.getMessage());
            }
        }
        if (command.signedOn().isAfter(command.today())) {
            throw InvalidInputException.of("signedOn", "cannot be in the future");
        }
        String reference = command.reference() == null || command.reference().isBlank()
                ? newReference(command.signedOn().getYear()) : command.reference().strip();
        if (!reference.matches("[A-Za-z0-9+?/:().,' -]{1,35}")) {
            throw InvalidInputException.of("reference", "is 1 to 35 SEPA characters (letters, digits, +?/-:().,' "
                    + "and spaces)");
        }
        if (references.containsValue(reference)) {
            throw new RuleViolationException("mandate-reference-used", "This member already has a mandate with "
                    + "reference " + reference + ".");
        }
        apply(new MandateRecorded(command.mandatesId(), command.organizationId(), command.memberId(),
                command.mandateId(), iban, bic, command.holder(), reference, command.signedOn(), command.actor(),
                command.at()));
    }

    /**
     * @throws NotFoundException unknown mandate
     * @throws RuleViolationException {@code mandate-revoked} when it already is
     */
    @CommandHandler
    void handle(RevokeMandate command) {
        if (!references.containsKey(command.mandateId())) {
            throw NotFoundException.of("mandate", command.mandateId());
        }
        if (revoked.contains(command.mandateId())) {
            throw new RuleViolationException("mandate-revoked", "This mandate is revoked already.");
        }
        apply(new MandateRevoked(mandatesId, organizationId, memberId, command.mandateId(),
                references.get(command.mandateId()), command.reason(), command.actor(), command.at()));
    }

    /** Asks the member to sign a mandate: an e-mail, each time staff ask. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestMandate command) {
        apply(new MandateRequested(command.mandatesId(), command.organizationId(), command.memberId(),
                command.siteId(), command.actor(), command.at()));
    }

    static String normalised(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static String newReference(int year) {
        StringBuilder reference = new StringBuilder("RUM-").append(year).append('-');
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }

    @EventSourcingHandler
    void on(MandateRecorded event) {
        mandatesId = event.mandatesId();
        organizationId = event.organizationId();
        memberId = event.memberId();
        references.put(event.mandateId(), event.reference());
    }

    @EventSourcingHandler
    void on(MandateRevoked event) {
        revoked.add(event.mandateId());
    }

    @EventSourcingHandler
    void on(MandateRequested event) {
        mandatesId = event.mandatesId();
        organizationId = event.organizationId();
        memberId = event.memberId();
    }
}
