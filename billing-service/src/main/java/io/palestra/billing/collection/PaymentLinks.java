package io.palestra.billing.collection;

import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Payment links (lien de paiement, seed 000): a random token naming an invoice and an amount, valid for some days,
 * which a member opens to pay by card without an account. The token is the credential: 32 random bytes.
 */
@Component
class PaymentLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    PaymentLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param paidAt      when the provider said it was paid, or null
     * @param lastFailure why the last attempt was refused, while it is not paid
     */
    record Link(String token, UUID invoiceId, UUID organizationId, Money amount, Instant expiresAt, Instant paidAt,
                String providerPayment, String lastFailure, String createdBy, Instant createdAt) {

        String status(Instant now) {
            return paidAt != null ? "paid" : now.isAfter(expiresAt) ? "expired" : "open";
        }
    }

    /**
     * A new link for what is left to pay on {@code invoice}, or the part {@code asked}, valid {@code validDays} (1 to
     * 30, 7 by default).
     *
     * @throws RuleViolationException {@code invoice-not-issued}, {@code invoice-paid}, {@code amount-exceeds-balance}
     */
    Link create(UUID organizationId, InvoiceView invoice, Money asked, Integer validDays, String actor, Instant at) {
        if (invoice.number() == null) {
            throw new RuleViolationException("invoice-not-issued", "Issue the invoice before asking for its payment.");
        }
        if (invoice.balance().signum() <= 0) {
            throw new RuleViolationException("invoice-paid", "Nothing is left to pay on invoice " + invoice.number()
                    + ".");
        }
        Money amount = asked == null ? invoice.balance() : asked;
        amount.problemAsMovementIn(invoice.currency()).ifPresent(problem -> {
            throw InvalidInputException.of("amount", problem);
        });
        if (amount.exceeds(invoice.balance())) {
            throw new RuleViolationException("amount-exceeds-balance", "At most " + invoice.balance().amount() + " "
                    + invoice.currency() + " is left to pay.");
        }
        int days = validDays == null ? 7 : validDays;
        if (days < 1 || days > 30) {
            throw InvalidInputException.of("validDays", "must be from 1 to 30");
        }
        return store(invoice.invoiceId(), organizationId, amount.normalized(),
                at.plus(Duration.ofDays(days)), actor, at);
    }

    private Link store(UUID invoiceId, UUID organizationId, Money amount, Instant expiresAt, String actor,
                       Instant at) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        INSERT INTO payment_link (token, invoice_id, organization_id, amount, currency, expires_at,
                            created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(token, invoiceId, organizationId, amount.amount(), amount.currency(),
                        expiresAt.atOffset(ZoneOffset.UTC), actor, at.atOffset(ZoneOffset.UTC))
                .update();
        return find(token).orElseThrow();
    }

    Optional<Link> find(String token) {
        return jdbc.sql("SELECT * FROM payment_link WHERE token = ?").param(token).query(PaymentLinks::link)
                .optional();
    }

    /** The invoice's latest link, for the desk. */
    Optional<Link> latest(UUID organizationId, UUID invoiceId) {
        return jdbc.sql("""
                        SELECT * FROM payment_link WHERE organization_id = ? AND invoice_id = ?
                        ORDER BY created_at DESC LIMIT 1""")
                .params(organizationId, invoiceId).query(PaymentLinks::link).optional();
    }

    /** Marks the link paid by {@code providerPayment}, once: a second notice of the same payment changes nothing. */
    void paid(String token, String providerPayment, Instant at) {
        jdbc.sql("""
                        UPDATE payment_link SET paid_at = ?, provider_payment = ?, last_failure = NULL
                        WHERE token = ? AND paid_at IS NULL""")
                .params(at.atOffset(ZoneOffset.UTC), providerPayment, token).update();
    }

    /** Records a refused attempt, unless the link is paid already (a failure notice arriving late). */
    void failed(String token, String reason) {
        jdbc.sql("UPDATE payment_link SET last_failure = ? WHERE token = ? AND paid_at IS NULL")
                .params(reason, token).update();
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getString("token"), rs.getObject("invoice_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                new Money(rs.getBigDecimal("amount"), rs.getString("currency").strip()).normalized(),
                rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("paid_at")),
                rs.getString("provider_payment"), rs.getString("last_failure"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
