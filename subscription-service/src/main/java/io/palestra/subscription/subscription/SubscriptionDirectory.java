package io.palestra.subscription.subscription;

import io.palestra.platform.axon.VersionedRows;
import io.palestra.platform.web.PageCursor;
import io.palestra.platform.money.Money;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentFellDue;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentLine;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentPaid;
import io.palestra.subscription.subscription.SubscriptionMessages.InstallmentPaymentFailed;
import io.palestra.subscription.subscription.SubscriptionMessages.OutlookChanged;
import io.palestra.subscription.subscription.SubscriptionMessages.PaymentMethodSet;
import io.palestra.subscription.subscription.SubscriptionMessages.StatusChanged;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribed;
import io.palestra.subscription.subscription.SubscriptionMessages.SubscriptionReassigned;
import io.palestra.subscription.subscription.SubscriptionQueries.CountQueues;
import io.palestra.subscription.subscription.SubscriptionQueries.FindSubscription;
import io.palestra.subscription.subscription.SubscriptionQueries.InstallmentList;
import io.palestra.subscription.subscription.SubscriptionQueries.InstallmentView;
import io.palestra.subscription.subscription.SubscriptionQueries.ListInstallments;
import io.palestra.subscription.subscription.SubscriptionQueries.ListSubscriptions;
import io.palestra.subscription.subscription.SubscriptionQueries.QueueCounts;
import io.palestra.subscription.subscription.SubscriptionQueries.SubscriptionPage;
import io.palestra.subscription.subscription.SubscriptionQueries.SubscriptionView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriptions as staff list them, with their installments and the work queues of seed 003. Rebuildable: a reset
 * empties it for a replay; each row remembers the last event applied, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(SubscriptionDirectory.GROUP)
class SubscriptionDirectory {

    static final String GROUP = "subscription-directory";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<InstallmentLine>> LINES = new TypeReference<>() {
    };
    private static final String COLUMNS = "subscription_id, organization_id, member_id, site_id, plan_id, plan_name, "
            + "category, period, price, currency, status, status_reason, starts_on, last_day, commitment_ends_on, "
            + "pause_from, pause_until, next_due_on, next_amount, payment_method, payment_reference, needs_mandate, "
            + "failed_installments, created_at, version";

    private final JdbcClient jdbc;
    private final VersionedRows rows;

    SubscriptionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new VersionedRows(jdbc, "subscription_view", "subscription_id");
    }

    @EventHandler
    void on(Subscribed event, @SequenceNumber long version, @Timestamp Instant at) {
        MembershipTerms terms = event.terms();
        jdbc.sql("""
                        INSERT INTO subscription_view (subscription_id, organization_id, member_id, site_id, plan_id,
                            plan_name, category, period, price, currency, starts_on, last_day, payment_method,
                            payment_reference, needs_mandate, created_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (subscription_id) DO NOTHING""")
                .params(event.subscriptionId(), event.organizationId(), event.memberId(), event.siteId(),
                        terms.planId(), terms.name(), terms.category(), terms.period().value(),
                        terms.price().amount(), terms.price().currency(), event.startsOn(), event.fixedLastDay(),
                        event.paymentMethod().type(), event.paymentMethod().reference(),
                        event.paymentMethod().needsMandate(), at.atOffset(ZoneOffset.UTC), version)
                .update();
    }

    @EventHandler
    void on(StatusChanged event, @SequenceNumber long version) {
        rows.change(event.subscriptionId(), version, "status = ?, status_reason = ?, last_day = ?, pause_from = ?, "
                        + "pause_until = ?, ended = ?", event.status().value(), event.reason(), event.lastDay(),
                event.pauseFrom(), event.pauseUntil(), event.status().ended());
    }

    @EventHandler
    void on(OutlookChanged event, @SequenceNumber long version) {
        rows.change(event.subscriptionId(), version, "next_due_on = ?, next_amount = ?, last_day = ?, "
                        + "commitment_ends_on = ?", event.nextDueOn(),
                event.nextAmount() == null ? null : event.nextAmount().amount(), event.lastDay(),
                event.commitmentEndsOn());
    }

    @EventHandler
    void on(PaymentMethodSet event, @SequenceNumber long version) {
        rows.change(event.subscriptionId(), version, "payment_method = ?, payment_reference = ?, needs_mandate = ?",
                event.paymentMethod().type(), event.paymentMethod().reference(),
                event.paymentMethod().needsMandate());
    }

    @EventHandler
    void on(SubscriptionMessages.SubscriptionRepriced event, @SequenceNumber long version) {
        rows.change(event.subscriptionId(), version, "price = ?", event.price().amount());
    }

    @EventHandler
    void on(SubscriptionMessages.SubscriptionMoved event, @SequenceNumber long version) {
        rows.change(event.subscriptionId(), version, "site_id = ?", event.toSiteId());
    }

    @EventHandler
    void on(SubscriptionReassigned event, @SequenceNumber long version) {
        rows.change(event.subscriptionId(), version, "member_id = ?", event.toMemberId());
    }

    @EventHandler
    void on(InstallmentFellDue event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO installment_view (subscription_id, number, organization_id, due_on, period_start,
                            period_end, amount, currency, lines, status, fell_due_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'due', ?) ON CONFLICT DO NOTHING""")
                .params(event.subscriptionId(), event.number(), event.organizationId(), event.dueOn(),
                        event.periodStart(), event.periodEnd(), event.amount().amount(), event.amount().currency(),
                        JSON.writeValueAsString(event.lines()), event.at().atOffset(ZoneOffset.UTC))
                .update();
        rows.change(event.subscriptionId(), version, "plan_id = ?, plan_name = coalesce((SELECT name FROM plan_view "
                + "WHERE plan_id = ?), plan_name)", event.planId(), event.planId());
    }

    @EventHandler
    void on(InstallmentPaid event) {
        installmentOutcome(event.subscriptionId(), event.number(), "paid", event.invoiceId(), null);
    }

    @EventHandler
    void on(InstallmentPaymentFailed event) {
        installmentOutcome(event.subscriptionId(), event.number(), "failed", event.invoiceId(), event.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE subscription_view, installment_view").update();
    }

    @QueryHandler
    Optional<SubscriptionView> find(FindSubscription query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription_view WHERE organization_id = ? "
                        + "AND subscription_id = ?")
                .params(query.organizationId(), query.subscriptionId()).query((row, number) -> view(row)).optional();
    }

    @QueryHandler
    InstallmentList installments(ListInstallments query) {
        return new InstallmentList(jdbc.sql("""
                        SELECT number, due_on, period_start, period_end, amount, currency, lines::text AS lines, status,
                               invoice_id, failure_reason, fell_due_at
                        FROM installment_view WHERE organization_id = ? AND subscription_id = ? ORDER BY number""")
                .params(query.organizationId(), query.subscriptionId())
                .query((row, number) -> new InstallmentView(row.getInt("number"),
                        row.getObject("due_on", LocalDate.class), row.getObject("period_start", LocalDate.class),
                        row.getObject("period_end", LocalDate.class),
                        new Money(row.getBigDecimal("amount"), row.getString("currency")).normalized(),
                        JSON.readValue(row.getString("lines"), LINES), row.getString("status"),
                        row.getObject("invoice_id", UUID.class), row.getString("failure_reason"),
                        row.getObject("fell_due_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    @QueryHandler
    SubscriptionPage list(ListSubscriptions query) {
        SubscriptionSort sort = query.sort();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", " + sort.column()
                + " AS sort_value FROM subscription_view WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        where(query.filter(), sql, params);
        if (query.after() != null) {
            PageCursor after = query.after().requireSort(sort.value());
            sql.append(" AND (").append(sort.column()).append(", subscription_id) ")
                    .append(sort.descending() ? "<" : ">").append(" (?, ?)");
            params.add(sort.byInstant() ? OffsetDateTime.parse(after.value()) : LocalDate.parse(after.value()));
            params.add(after.id());
        }
        String direction = sort.descending() ? " DESC" : "";
        sql.append(" ORDER BY ").append(sort.column()).append(direction).append(", subscription_id")
                .append(direction).append(" LIMIT ?");
        params.add(query.limit() + 1);
        List<String> sortValues = new ArrayList<>();
        List<SubscriptionView> rows = jdbc.sql(sql.toString()).params(params).query((row, number) -> {
            sortValues.add(row.getString("sort_value") == null ? null : sort.byInstant()
                    ? row.getObject("sort_value", OffsetDateTime.class).toString()
                    : row.getObject("sort_value", LocalDate.class).toString());
            return view(row);
        }).list();
        if (rows.size() <= query.limit()) {
            return new SubscriptionPage(rows, null);
        }
        List<SubscriptionView> page = rows.subList(0, query.limit());
        SubscriptionView last = page.get(page.size() - 1);
        return new SubscriptionPage(List.copyOf(page),
                new PageCursor(sort.value(), sortValues.get(query.limit() - 1), last.id()).encode());
    }

    @QueryHandler
    QueueCounts count(CountQueues query) {
        List<Long> counts = new ArrayList<>();
        for (String queue : SubscriptionFilter.QUEUES) {
            StringBuilder sql = new StringBuilder("SELECT count(*) FROM subscription_view WHERE organization_id = ?");
            List<Object> params = new ArrayList<>(List.of(query.organizationId()));
            where(query.filter().inQueue(queue), sql, params);
            counts.add(jdbc.sql(sql.toString()).params(params).query(Long.class).single());
        }
        return new QueueCounts(counts.get(0), counts.get(1), counts.get(2), counts.get(3));
    }

    private static void where(SubscriptionFilter filter, StringBuilder sql, List<Object> params) {
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND status IN (").append(String.join(", ", filter.statuses().stream().map(status -> "?")
                    .toList())).append(")");
            params.addAll(filter.statuses());
        }
        if (filter.siteIds() != null) {
            sql.append(" AND site_id = ANY(?)");
            params.add(filter.siteIds().toArray(new UUID[0]));
        }
        condition(sql, params, "plan_id = ?", filter.planId());
        condition(sql, params, "member_id = ?", filter.memberId());
        condition(sql, params, "created_at >= ?", filter.createdFrom() == null ? null
                : filter.createdFrom().atOffset(ZoneOffset.UTC));
        condition(sql, params, "created_at < ?", filter.createdTo() == null ? null
                : filter.createdTo().atOffset(ZoneOffset.UTC));
        condition(sql, params, "last_day >= ?", filter.endsFrom());
        condition(sql, params, "last_day <= ?", filter.endsTo());
        condition(sql, params, "next_due_on >= ?", filter.nextBillingFrom());
        condition(sql, params, "next_due_on <= ?", filter.nextBillingTo());
        if (filter.queue() != null) {
            sql.append(" AND NOT ended");
            switch (filter.queue()) {
                case "needs-mandate":
                    sql.append(" AND needs_mandate");
                    break;
                case "payment-failed":
                    sql.append(" AND failed_installments > 0");
                    break;
                case "ending-soon":
                    sql.append(" AND last_day BETWEEN ? AND ?");
                    params.add(filter.today());
                    params.add(filter.today().plusDays(SubscriptionFilter.SOON_DAYS));
                    break;
                default:
                    sql.append(" AND next_due_on BETWEEN ? AND ?");
                    params.add(filter.today());
                    params.add(filter.today().plusDays(SubscriptionFilter.SOON_DAYS));
            }
        }
    }

    private static void condition(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private void installmentOutcome(UUID subscriptionId, int number, String status, UUID invoiceId, String reason) {
        jdbc.sql("""
                        UPDATE installment_view SET status = ?, invoice_id = ?, failure_reason = ?
                        WHERE subscription_id = ? AND number = ?""")
                .params(status, invoiceId, reason, subscriptionId, number).update();
        jdbc.sql("""
                        UPDATE subscription_view SET failed_installments = (SELECT count(*) FROM installment_view
                            WHERE subscription_id = ? AND status = 'failed') WHERE subscription_id = ?""")
                .params(subscriptionId, subscriptionId).update();
    }

    private static SubscriptionView view(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        return new SubscriptionView(row.getObject("subscription_id", UUID.class),
                row.getObject("organization_id", UUID.class), row.getObject("member_id", UUID.class),
                row.getObject("site_id", UUID.class), row.getObject("plan_id", UUID.class),
                row.getString("plan_name"), row.getString("category"), row.getString("period"),
                new Money(row.getBigDecimal("price"), currency).normalized(), row.getString("status"),
                row.getString("status_reason"), row.getObject("starts_on", LocalDate.class),
                row.getObject("last_day", LocalDate.class), row.getObject("commitment_ends_on", LocalDate.class),
                row.getObject("pause_from", LocalDate.class), row.getObject("pause_until", LocalDate.class),
                row.getObject("next_due_on", LocalDate.class), row.getBigDecimal("next_amount") == null ? null
                : new Money(row.getBigDecimal("next_amount"), currency).normalized(),
                new PaymentMethod(row.getString("payment_method"), row.getString("payment_reference")),
                row.getBoolean("needs_mandate"), row.getInt("failed_installments"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
    }
}
