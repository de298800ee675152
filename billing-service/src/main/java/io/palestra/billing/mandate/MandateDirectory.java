package io.palestra.billing.mandate;

import io.palestra.billing.mandate.MandateMessages.MandateRecorded;
import io.palestra.billing.mandate.MandateMessages.MandateRequested;
import io.palestra.billing.mandate.MandateMessages.MandateRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Members' mandates as staff read them (the IBAN masked but for its country and last four characters) and as
 * collections find them by reference. Rebuildable.
 */
@Component
@ProcessingGroup(MandateDirectory.GROUP)
class MandateDirectory implements MandateLookup {

    static final String GROUP = "mandate-directory";

    /**
     * @param iban   masked: {@code FR76 •••• 0189}
     * @param status {@code active} or {@code revoked}
     */
    record MandateView(UUID mandateId, String reference, String iban, String bic, String holder, LocalDate signedOn,
                       String status, String recordedBy, Instant recordedAt, String revokedBy, Instant revokedAt,
                       String revokeReason) {
    }

    /** @param lastRequestedAt when staff last asked the member to sign one, or null */
    record MemberMandatesView(UUID memberId, List<MandateView> mandates, Instant lastRequestedAt) {
    }

    private final JdbcClient jdbc;

    MandateDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MandateRecorded event) {
        jdbc.sql("""
                        INSERT INTO mandate_view (mandate_id, organization_id, member_id, reference, iban, bic, holder,
                            signed_on, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mandate_id) DO NOTHING""")
                .params(event.mandateId(), event.organizationId(), event.memberId(), event.reference(),
                        event.iban(), event.bic(), event.holder(), event.signedOn(), event.actor(),
                        event.at().atOffset(ZoneOffset.UTC)).update();
    }

    @EventHandler
    void on(MandateRevoked event) {
        jdbc.sql("UPDATE mandate_view SET revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE mandate_id = ?")
                .params(event.actor(), event.at().atOffset(ZoneOffset.UTC), event.reason(), event.mandateId())
                .update();
    }

    @EventHandler
    void on(MandateRequested event) {
        jdbc.sql("""
                        INSERT INTO mandate_request_view (organization_id, member_id, requested_by, requested_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (organization_id, member_id) DO UPDATE
                        SET requested_by = excluded.requested_by, requested_at = excluded.requested_at
                        WHERE mandate_request_view.requested_at < excluded.requested_at""")
                .params(event.organizationId(), event.memberId(), event.actor(), event.at().atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE mandate_view, mandate_request_view").update();
    }

    MemberMandatesView of(UUID organizationId, UUID memberId) {
        List<MandateView> mandates = jdbc.sql("""
                        SELECT * FROM mandate_view WHERE organization_id = ? AND member_id = ?
                        ORDER BY recorded_at DESC, mandate_id""")
                .params(organizationId, memberId).query(MandateDirectory::mandate).list();
        Instant requested = jdbc.sql("""
                        SELECT requested_at FROM mandate_request_view WHERE organization_id = ? AND member_id = ?""")
                .params(organizationId, memberId).query((rs, row) -> rs.getTimestamp(1).toInstant()).optional()
                .orElse(null);
        return new MemberMandatesView(memberId, mandates, requested);
    }

    Optional<MandateView> find(UUID organizationId, UUID memberId, UUID mandateId) {
        return jdbc.sql("SELECT * FROM mandate_view WHERE organization_id = ? AND member_id = ? AND mandate_id = ?")
                .params(organizationId, memberId, mandateId).query(MandateDirectory::mandate).optional();
    }

    @Override
    public List<KnownMandate> byReference(UUID organizationId, String reference) {
        return jdbc.sql("""
                        SELECT mandate_id, member_id, iban, revoked_at FROM mandate_view
                        WHERE organization_id = ? AND reference = ? ORDER BY recorded_at DESC""")
                .params(organizationId, reference)
                .query((rs, row) -> new KnownMandate(rs.getObject("mandate_id", UUID.class),
                        rs.getObject("member_id", UUID.class), rs.getString("iban"),
                        rs.getTimestamp("revoked_at") != null)).list();
    }

    /** {@code FR76 •••• 0189}: enough to recognise the account, not to debit it. */
    static String masked(String iban) {
        return iban.substring(0, 4) + " •••• " + iban.substring(iban.length() - 4);
    }

    private static MandateView mandate(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new MandateView(rs.getObject("mandate_id", UUID.class), rs.getString("reference"),
                masked(rs.getString("iban")), rs.getString("bic"), rs.getString("holder"),
                rs.getDate("signed_on").toLocalDate(), revoked == null ? "active" : "revoked",
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("revoked_by"),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoke_reason"));
    }
}
