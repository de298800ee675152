package io.palestra.billing.scholarship;

import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipGranted;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipUseReleased;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipUsed;
import io.palestra.billing.scholarship.ScholarshipMessages.ScholarshipWithdrawn;
import io.palestra.platform.axon.VersionedRows;
import io.palestra.platform.money.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Financial aid as staff read it: to whom, how much is left, until when. Rebuildable. */
@Component
@ProcessingGroup(ScholarshipDirectory.GROUP)
class ScholarshipDirectory {

    static final String GROUP = "scholarship-directory";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Set<String>> KINDS = new TypeReference<>() {
    };

    /** @param status {@code active}, {@code spent} or {@code withdrawn} (an end date passed reads as expired) */
    record ScholarshipView(UUID scholarshipId, UUID granteeId, String scope, String name, Money amount,
                           Money remaining, LocalDate validFrom, LocalDate validUntil, Set<String> kinds,
                           String status, String grantedBy, Instant grantedAt, long version) {
    }

    record ScholarshipList(List<ScholarshipView> items) {
    }

    private final JdbcClient jdbc;
    private final VersionedRows rows;

    ScholarshipDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new VersionedRows(jdbc, "scholarship_view", "scholarship_id");
    }

    @EventHandler
    void on(ScholarshipGranted event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO scholarship_view (scholarship_id, organization_id, grantee_id, scope, name,
                            currency, amount, remaining, valid_from, valid_until, kinds, granted_by, granted_at,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                        ON CONFLICT (scholarship_id) DO NOTHING""")
                .params(event.scholarshipId(), event.organizationId(), event.granteeId(), event.scope(),
                        event.name(), event.amount().currency(), event.amount().amount(), event.amount().amount(),
                        event.validFrom(), event.validUntil(), JSON.writeValueAsString(new TreeSet<>(event.kinds())),
                        event.actor(), event.at().atOffset(ZoneOffset.UTC), version).update();
    }

    @EventHandler
    void on(ScholarshipUsed event, @SequenceNumber long version) {
        rows.change(event.scholarshipId(), version, "remaining = ?", event.remaining().amount());
    }

    @EventHandler
    void on(ScholarshipUseReleased event, @SequenceNumber long version) {
        rows.change(event.scholarshipId(), version, "remaining = ?", event.remaining().amount());
    }

    @EventHandler
    void on(ScholarshipWithdrawn event, @SequenceNumber long version) {
        rows.change(event.scholarshipId(), version, "withdrawn = TRUE, withdraw_reason = ?", event.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE scholarship_view").update();
    }

    Optional<ScholarshipView> find(UUID organizationId, UUID scholarshipId) {
        return jdbc.sql("SELECT * FROM scholarship_view WHERE organization_id = ? AND scholarship_id = ?")
                .params(organizationId, scholarshipId).query(ScholarshipDirectory::row).optional();
    }

    /** The aid granted to this member, for them or (when they hold it) for their account, latest first. */
    List<ScholarshipView> of(UUID organizationId, UUID granteeId) {
        return jdbc.sql("""
                        SELECT * FROM scholarship_view WHERE organization_id = ? AND grantee_id = ?
                        ORDER BY granted_at DESC, scholarship_id""")
                .params(organizationId, granteeId).query(ScholarshipDirectory::row).list();
    }

    private static ScholarshipView row(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency").strip();
        Money remaining = new Money(rs.getBigDecimal("remaining"), currency).normalized();
        Date until = rs.getDate("valid_until");
        return new ScholarshipView(rs.getObject("scholarship_id", UUID.class),
                rs.getObject("grantee_id", UUID.class), rs.getString("scope"), rs.getString("name"),
                new Money(rs.getBigDecimal("amount"), currency).normalized(), remaining,
                rs.getDate("valid_from").toLocalDate(), until == null ? null : until.toLocalDate(),
                JSON.readValue(rs.getString("kinds"), KINDS), rs.getBoolean("withdrawn") ? "withdrawn"
                : remaining.signum() <= 0 ? "spent" : "active", rs.getString("granted_by"),
                rs.getTimestamp("granted_at").toInstant(), rs.getLong("version"));
    }
}
