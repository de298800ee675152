package io.palestra.billing.schedule;

import io.palestra.billing.schedule.ScheduleMessages.PaymentScheduled;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentCancelled;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentChanged;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentDue;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentFailed;
import io.palestra.billing.schedule.ScheduleMessages.ScheduledPaymentMade;
import io.palestra.platform.axon.VersionedRows;
import io.palestra.platform.money.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Upcoming payments as staff read them: a member's or the organisation's, by day, with their status. Rebuildable; each
 * row keeps the sequence of the last event applied, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(UpcomingPayments.GROUP)
class UpcomingPayments {

    static final String GROUP = "upcoming-payments";

    /**
     * @param status    {@code scheduled}, {@code due} (being made), {@code made}, {@code failed}, {@code cancelled}
     * @param invoiceId the invoice it pays, or null: the member's account
     * @param paymentId once made: the invoice's payment or the account entry
     */
    record UpcomingPayment(UUID scheduledPaymentId, UUID siteId, UUID memberId, UUID invoiceId, String method,
                           Money amount, LocalDate dueOn, String reference, String status, String lastFailure,
                           UUID paymentId, String scheduledBy, Instant scheduledAt, String cancelReason,
                           long version) {
    }

    record UpcomingList(List<UpcomingPayment> items) {
    }

    private final JdbcClient jdbc;
    private final VersionedRows rows;

    UpcomingPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new VersionedRows(jdbc, "scheduled_payment_view", "scheduled_payment_id");
    }

    @EventHandler
    void on(PaymentScheduled event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO scheduled_payment_view (scheduled_payment_id, organization_id, site_id, member_id,
                            invoice_id, method, currency, amount, due_on, reference, status, scheduled_by,
                            scheduled_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?)
                        ON CONFLICT (scheduled_payment_id) DO NOTHING""")
                .params(event.scheduledPaymentId(), event.organizationId(), event.siteId(), event.memberId(),
                        event.invoiceId(), event.method(), event.amount().currency(), event.amount().amount(),
                        event.dueOn(), event.reference(), event.actor(), event.at().atOffset(ZoneOffset.UTC), version)
                .update();
    }

    @EventHandler
    void on(ScheduledPaymentChanged event, @SequenceNumber long version) {
        rows.change(event.scheduledPaymentId(), version, "method = ?, amount = ?, due_on = ?, reference = ?, "
                        + "status = 'scheduled'", event.method(), event.amount().amount(), event.dueOn(),
                event.reference());
    }

    @EventHandler
    void on(ScheduledPaymentCancelled event, @SequenceNumber long version) {
        rows.change(event.scheduledPaymentId(), version, "status = 'cancelled', cancel_reason = ?", event.reason());
    }

    @EventHandler
    void on(ScheduledPaymentDue event, @SequenceNumber long version) {
        rows.change(event.scheduledPaymentId(), version, "status = 'due'");
    }

    @EventHandler
    void on(ScheduledPaymentMade event, @SequenceNumber long version) {
        rows.change(event.scheduledPaymentId(), version, "status = 'made', payment_id = ?", event.paymentId());
    }

    @EventHandler
    void on(ScheduledPaymentFailed event, @SequenceNumber long version) {
        rows.change(event.scheduledPaymentId(), version, "status = 'failed', last_failure = ?", event.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE scheduled_payment_view").update();
    }

    Optional<UpcomingPayment> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM scheduled_payment_view WHERE organization_id = ? AND scheduled_payment_id = ?")
                .params(organizationId, id).query(UpcomingPayments::row).optional();
    }

    /** Soonest first; every filter may be null; {@code statuses} empty: the open ones (scheduled, due, failed). */
    List<UpcomingPayment> list(UUID organizationId, UUID siteId, UUID memberId, UUID invoiceId, List<String> statuses,
                               LocalDate from, LocalDate to, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM scheduled_payment_view WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(organizationId));
        for (Object[] filter : new Object[][]{{"site_id = ?", siteId}, {"member_id = ?", memberId},
                {"invoice_id = ?", invoiceId}, {"due_on >= ?", from}, {"due_on <= ?", to}}) {
            if (filter[1] != null) {
                sql.append(" AND ").append(filter[0]);
                params.add(filter[1]);
            }
        }
        List<String> wanted = statuses.isEmpty() ? List.of("scheduled", "due", "failed") : statuses;
        sql.append(" AND status IN (").append(String.join(", ", wanted.stream().map(status -> "?").toList()))
                .append(")");
        params.addAll(wanted);
        sql.append(" ORDER BY due_on, scheduled_at, scheduled_payment_id LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(UpcomingPayments::row).list();
    }

    private static UpcomingPayment row(ResultSet rs, int row) throws SQLException {
        Timestamp scheduledAt = rs.getTimestamp("scheduled_at");
        return new UpcomingPayment(rs.getObject("scheduled_payment_id", UUID.class),
                rs.getObject("site_id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getObject("invoice_id", UUID.class), rs.getString("method"),
                new Money(rs.getBigDecimal("amount"), rs.getString("currency").strip()).normalized(),
                rs.getDate("due_on").toLocalDate(), rs.getString("reference"), rs.getString("status"),
                rs.getString("last_failure"), rs.getObject("payment_id", UUID.class), rs.getString("scheduled_by"),
                scheduledAt.toInstant(), rs.getString("cancel_reason"), rs.getLong("version"));
    }
}
