package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceMessages.CollectionDue;
import io.palestra.billing.invoice.InvoiceMessages.CollectionFailed;
import io.palestra.billing.invoice.InvoiceMessages.CreditNoteIssued;
import io.palestra.billing.invoice.InvoiceMessages.DiscountGiven;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceIssued;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceOpened;
import io.palestra.billing.invoice.InvoiceMessages.InvoiceSettled;
import io.palestra.billing.invoice.InvoiceMessages.LineAdded;
import io.palestra.billing.invoice.InvoiceMessages.LineRemoved;
import io.palestra.billing.invoice.InvoiceMessages.PaymentCancelled;
import io.palestra.billing.invoice.InvoiceMessages.PaymentReceived;
import io.palestra.billing.invoice.InvoiceMessages.PromotionApplied;
import io.palestra.billing.invoice.InvoiceMessages.PromotionRemoved;
import io.palestra.billing.invoice.InvoiceMessages.RefundRecorded;
import io.palestra.billing.invoice.InvoiceQueries.Collection;
import io.palestra.billing.invoice.InvoiceQueries.CreditNoteList;
import io.palestra.billing.invoice.InvoiceQueries.CreditNoteView;
import io.palestra.billing.invoice.InvoiceQueries.FindCreditNote;
import io.palestra.billing.invoice.InvoiceQueries.FindInvoice;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceList;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.billing.invoice.InvoiceQueries.ListCreditNotes;
import io.palestra.billing.invoice.InvoiceQueries.ListInvoices;
import io.palestra.billing.invoice.InvoiceQueries.ListPayments;
import io.palestra.billing.invoice.InvoiceQueries.PaymentEntry;
import io.palestra.billing.invoice.InvoiceQueries.PaymentList;
import io.palestra.billing.invoice.InvoiceQueries.CashMovement;
import io.palestra.billing.invoice.InvoiceQueries.CashMovementList;
import io.palestra.billing.invoice.InvoiceQueries.CashMovements;
import io.palestra.billing.invoice.InvoiceQueries.PaymentView;
import io.palestra.billing.invoice.InvoiceQueries.PromotionView;
import io.palestra.billing.invoice.InvoiceQueries.RefundView;
import io.palestra.platform.axon.VersionedRows;
import io.palestra.platform.money.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Invoices and their payments as staff read them: the cart with its running totals, the issued invoice, what was paid
 * and how, and how an installment is being collected. Rebuildable: a reset empties it; each invoice row keeps the
 * sequence of the last event applied, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(InvoiceDirectory.GROUP)
class InvoiceDirectory {

    static final String GROUP = InvoiceQueries.PROJECTION;
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<InvoiceLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final VersionedRows invoices;

    InvoiceDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.invoices = new VersionedRows(jdbc, "invoice_view", "invoice_id");
    }

    @EventHandler
    void on(InvoiceOpened event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO invoice_view (invoice_id, organization_id, site_id, member_id, beneficiary_id,
                            currency, totals, opened_by, opened_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (invoice_id) DO NOTHING""")
                .params(event.invoiceId(), event.organizationId(), event.siteId(), event.memberId(),
                        event.beneficiaryId(),
                        event.currency(), JSON.writeValueAsString(Totals.of(List.of(), null, event.currency())),
                        event.actor(), utc(event.at()), version)
                .update();
    }

    @EventHandler
    void on(LineAdded event, @SequenceNumber long version) {
        cart(event.invoiceId(), version, lines -> {
            lines.removeIf(line -> line.lineId().equals(event.line().lineId()));
            lines.add(event.line());
        }, null, false);
    }

    @EventHandler
    void on(LineRemoved event, @SequenceNumber long version) {
        cart(event.invoiceId(), version, lines -> lines.removeIf(line -> line.lineId().equals(event.lineId())), null,
                false);
    }

    @EventHandler
    void on(DiscountGiven event, @SequenceNumber long version) {
        if (event.lineId() == null) {
            cart(event.invoiceId(), version, lines -> {
            }, event.discount(), true);
        } else {
            cart(event.invoiceId(), version, lines -> lines.replaceAll(line -> line.lineId().equals(event.lineId())
                    ? line.withDiscount(event.discount()) : line), null, false);
        }
    }

    @EventHandler
    void on(PromotionApplied event, @SequenceNumber long version) {
        invoices.change(event.invoiceId(), version, "promotion = ?::jsonb", JSON.writeValueAsString(
                new PromotionView(event.promotionId(), event.code(), event.lineIds())));
    }

    @EventHandler
    void on(PromotionRemoved event, @SequenceNumber long version) {
        invoices.change(event.invoiceId(), version, "promotion = NULL");
    }

    @EventHandler
    void on(InvoiceIssued event, @SequenceNumber long version) {
        invoices.change(event.invoiceId(), version, """
                        number = ?, invoice_date = ?, due_on = ?, lines = ?::jsonb, discount = ?::jsonb,
                        totals = ?::jsonb, total = ?, subscription_id = ?, installment_number = ?, issued_by = ?,
                        issued_at = ?, seller = ?::jsonb, buyer = ?::jsonb""", event.number(), event.invoiceDate(),
                event.dueOn(),
                JSON.writeValueAsString(event.lines()), event.discount() == null ? null
                        : JSON.writeValueAsString(event.discount()), JSON.writeValueAsString(event.totals()),
                event.totals().total().amount(), event.subscriptionId(), event.installmentNumber(), event.actor(),
                utc(event.at()), event.seller() == null ? null : JSON.writeValueAsString(event.seller()),
                event.buyer() == null ? null : JSON.writeValueAsString(event.buyer()));
    }

    @EventHandler
    void on(PaymentReceived event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO payment_view (payment_id, invoice_id, organization_id, site_id, member_id, method,
                            currency, amount, applied, credited, reference, received_by, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING""")
                .params(event.paymentId(), event.invoiceId(), event.organizationId(), event.siteId(),
                        event.memberId(), event.method(), event.amount().currency(), event.amount().amount(),
                        event.applied().amount(), event.credited().amount(), event.reference(), event.actor(),
                        utc(event.at()))
                .update();
        invoices.change(event.invoiceId(), version, "paid = paid + ?, credited = credited + ?",
                event.applied().amount(), event.credited().amount());
    }

    @EventHandler
    void on(PaymentCancelled event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE payment_view SET cancelled_by = ?, cancelled_at = ?, cancel_reason = ?
                        WHERE payment_id = ? AND cancelled_at IS NULL""")
                .params(event.actor(), utc(event.at()), event.reason(), event.paymentId()).update();
        invoices.change(event.invoiceId(), version, "paid = paid - ?, credited = credited - ?, settled_at = NULL",
                event.applied().amount(), event.credited().amount());
    }

    @EventHandler
    void on(InvoiceSettled event, @SequenceNumber long version) {
        invoices.change(event.invoiceId(), version, "settled_at = ?", utc(event.at()));
    }

    @EventHandler
    void on(CollectionDue event, @SequenceNumber long version) {
        invoices.change(event.invoiceId(), version, "collection = ?::jsonb", JSON.writeValueAsString(new Collection(
                event.method(), event.attempt(), null, null, false)));
    }

    @EventHandler
    void on(CollectionFailed event, @SequenceNumber long version) {
        Collection before = collection(event.invoiceId());
        invoices.change(event.invoiceId(), version, "collection = ?::jsonb", JSON.writeValueAsString(new Collection(
                before == null ? null : before.method(), event.attempt(), event.reason(), event.nextAttemptOn(),
                event.nextAttemptOn() == null)));
    }

    @EventHandler
    void on(CreditNoteIssued event, @SequenceNumber long version) {
        Optional<String> currency = jdbc.sql("SELECT currency FROM invoice_view WHERE invoice_id = ?")
                .param(event.invoiceId()).query(String.class).optional();
        jdbc.sql("""
                        INSERT INTO credit_note_view (credit_note_id, invoice_id, organization_id, site_id, member_id,
                            number, invoice_number, currency, total, totals, line_ids, whole, reason, issued_by,
                            issued_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                        ON CONFLICT (credit_note_id) DO NOTHING""")
                .params(event.creditNoteId(), event.invoiceId(), event.organizationId(), event.siteId(),
                        event.memberId(), event.number(), event.invoiceNumber(),
                        currency.orElse(event.totals().total().currency()), event.totals().total().amount(),
                        JSON.writeValueAsString(event.totals()), JSON.writeValueAsString(event.lines().stream()
                                .map(InvoiceLine::lineId).toList()),
                        event.whole(), event.reason(), event.actor(), utc(event.at()))
                .update();
        invoices.change(event.invoiceId(), version, "credited_by_notes = credited_by_notes + ?, cancelled = "
                + "cancelled OR ?", event.totals().total().amount(), event.whole());
    }

    @EventHandler
    void on(RefundRecorded event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO refund_view (refund_id, invoice_id, organization_id, site_id, member_id, method,
                            currency, amount, reason, refunded_by, refunded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (refund_id) DO NOTHING""")
                .params(event.refundId(), event.invoiceId(), event.organizationId(), event.siteId(),
                        event.memberId(), event.method(), event.amount().currency(), event.amount().amount(),
                        event.reason(), event.actor(), utc(event.at()))
                .update();
        invoices.change(event.invoiceId(), version, "refunded = refunded + ?", event.amount().amount());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE invoice_view, payment_view, credit_note_view, refund_view").update();
    }

    @QueryHandler
    Optional<CreditNoteView> handle(FindCreditNote query) {
        return jdbc.sql("SELECT * FROM credit_note_view WHERE credit_note_id = ? AND organization_id = ?")
                .params(query.creditNoteId(), query.organizationId()).query(InvoiceDirectory::creditNote)
                .optional();
    }

    @QueryHandler
    CreditNoteList handle(ListCreditNotes query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM credit_note_view WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        where(sql, params, "member_id = ?", query.memberId());
        if (query.number() != null) {
            sql.append(" AND (number LIKE ? OR invoice_number LIKE ?)");
            String like = "%" + query.number().strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        sql.append(" ORDER BY issued_at DESC, credit_note_id LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.offset());
        return new CreditNoteList(jdbc.sql(sql.toString()).params(params).query(InvoiceDirectory::creditNote)
                .list());
    }

    @QueryHandler
    PaymentList handle(ListPayments query) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.*, i.number FROM payment_view p JOIN invoice_view i ON i.invoice_id = p.invoice_id
                WHERE p.organization_id = ?""");
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        where(sql, params, "p.site_id = ?", query.siteId());
        where(sql, params, "p.member_id = ?", query.memberId());
        where(sql, params, "p.method = ?", query.method());
        where(sql, params, "p.received_at >= ?", utc(query.from()));
        where(sql, params, "p.received_at < ?", utc(query.to()));
        sql.append(" ORDER BY p.received_at DESC, p.payment_id LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.offset());
        return new PaymentList(jdbc.sql(sql.toString()).params(params).query((rs, row) -> {
            String currency = rs.getString("currency").strip();
            return new PaymentEntry(rs.getObject("payment_id", UUID.class), rs.getObject("invoice_id", UUID.class),
                    rs.getString("number"), rs.getObject("member_id", UUID.class),
                    rs.getObject("site_id", UUID.class), rs.getString("method"),
                    money(rs.getBigDecimal("amount"), currency), money(rs.getBigDecimal("applied"), currency),
                    money(rs.getBigDecimal("credited"), currency), rs.getString("reference"),
                    rs.getString("received_by"), instant(rs, "received_at"), rs.getString("cancelled_by"),
                    instant(rs, "cancelled_at"), rs.getString("cancel_reason"));
        }).list());
    }

    @QueryHandler
    CashMovementList handle(CashMovements query) {
        if (query.siteIds().isEmpty()) {
            return new CashMovementList(List.of());
        }
        String sites = String.join(", ", Collections.nCopies(query.siteIds().size(), "?"));
        List<Object> params = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            params.add(query.organizationId());
            params.addAll(query.siteIds());
            params.add(utc(query.from()));
            params.add(utc(query.to()));
        }
        return new CashMovementList(jdbc.sql("""
                        SELECT site_id, method, 'received' AS kind, currency, count(*) AS n, sum(amount) AS amount
                        FROM payment_view WHERE organization_id = ? AND site_id IN (%1$s)
                          AND received_at >= ? AND received_at < ? GROUP BY site_id, method, currency
                        UNION ALL
                        SELECT site_id, method, 'cancelled', currency, count(*), sum(amount)
                        FROM payment_view WHERE organization_id = ? AND site_id IN (%1$s)
                          AND cancelled_at >= ? AND cancelled_at < ? GROUP BY site_id, method, currency
                        UNION ALL
                        SELECT site_id, method, 'refunded', currency, count(*), sum(amount)
                        FROM refund_view WHERE organization_id = ? AND site_id IN (%1$s)
                          AND refunded_at >= ? AND refunded_at < ? GROUP BY site_id, method, currency
                        ORDER BY 1, 2, 3""".formatted(sites)).params(params)
                .query((rs, row) -> new CashMovement(rs.getObject("site_id", UUID.class), rs.getString("method"),
                        rs.getString("kind"), rs.getLong("n"), money(rs.getBigDecimal("amount"),
                        rs.getString("currency").strip()))).list());
    }

    @QueryHandler
    Optional<InvoiceView> handle(FindInvoice query) {
        return jdbc.sql("SELECT * FROM invoice_view WHERE invoice_id = ? AND organization_id = ?")
                .params(query.invoiceId(), query.organizationId())
                .query((rs, row) -> invoice(rs, query.today(), true)).optional();
    }

    @QueryHandler
    InvoiceList handle(ListInvoices query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM invoice_view WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        where(sql, params, "site_id = ?", query.siteId());
        where(sql, params, "member_id = ?", query.memberId());
        if (query.number() != null) {
            sql.append(" AND number LIKE ?");
            params.add("%" + query.number().strip().replace("%", "").replace("_", "") + "%");
        }
        where(sql, params, "invoice_date >= ?", query.from());
        where(sql, params, "invoice_date <= ?", query.to());
        String open = " AND number IS NOT NULL AND NOT cancelled";
        String due = "(total - credited_by_notes)";
        String kept = "(paid - refunded)";
        if (query.collectionFailed()) {
            sql.append(open).append(" AND ").append(kept).append(" < ").append(due)
                    .append(" AND collection ->> 'lastFailure' IS NOT NULL");
        }
        if (query.status() != null) {
            sql.append(switch (query.status()) {
                case "draft" -> " AND number IS NULL";
                case "cancelled" -> " AND cancelled";
                case "paid" -> open + " AND " + kept + " >= " + due;
                case "overdue" -> open + " AND " + kept + " < " + due + " AND due_on < ?";
                case "partially-paid" -> open + " AND " + kept + " > 0 AND " + kept + " < " + due
                        + " AND due_on >= ?";
                default -> open + " AND " + kept + " <= 0 AND " + due + " > 0 AND due_on >= ?";
            });
            if (Set.of("overdue", "partially-paid", "issued").contains(query.status())) {
                params.add(query.today());
            }
        }
        sql.append(" ORDER BY opened_at DESC, invoice_id LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.offset());
        return new InvoiceList(jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> invoice(rs, query.today(), false)).list());
    }

    private record Cart(List<InvoiceLine> lines, Discount discount, String currency) {
    }

    /** Changes a draft's lines or whole-invoice discount, and its running totals with them. */
    private void cart(UUID invoiceId, long version, Consumer<List<InvoiceLine>> change, Discount discount,
                      boolean discountChanged) {
        jdbc.sql("SELECT lines, discount, currency FROM invoice_view WHERE invoice_id = ?").param(invoiceId)
                .query((rs, row) -> new Cart(new ArrayList<>(JSON.readValue(rs.getString("lines"), LINES)),
                        rs.getString("discount") == null ? null
                                : JSON.readValue(rs.getString("discount"), Discount.class),
                        rs.getString("currency").strip()))
                .optional().ifPresent(cart -> {
                    change.accept(cart.lines());
                    Discount whole = discountChanged ? discount : cart.discount();
                    Totals totals = Totals.of(cart.lines(), whole, cart.currency());
                    invoices.change(invoiceId, version, "lines = ?::jsonb, discount = ?::jsonb, totals = ?::jsonb, "
                                    + "total = ?", JSON.writeValueAsString(cart.lines()),
                            whole == null ? null : JSON.writeValueAsString(whole), JSON.writeValueAsString(totals),
                            totals.total().amount());
                });
    }

    private Collection collection(UUID invoiceId) {
        return jdbc.sql("SELECT collection FROM invoice_view WHERE invoice_id = ?").param(invoiceId)
                .query((rs, row) -> rs.getString("collection") == null ? null
                        : JSON.readValue(rs.getString("collection"), Collection.class)).optional().orElse(null);
    }

    private InvoiceView invoice(ResultSet rs, LocalDate today, boolean withPayments) throws SQLException {
        String currency = rs.getString("currency").strip();
        Money total = money(rs.getBigDecimal("total"), currency);
        Money paid = money(rs.getBigDecimal("paid"), currency);
        Money creditedByNotes = money(rs.getBigDecimal("credited_by_notes"), currency);
        Money refunded = money(rs.getBigDecimal("refunded"), currency);
        Money balance = total.minus(creditedByNotes).minus(paid).plus(refunded);
        String number = rs.getString("number");
        LocalDate dueOn = date(rs, "due_on");
        UUID invoiceId = rs.getObject("invoice_id", UUID.class);
        String status = number == null ? "draft" : rs.getBoolean("cancelled") ? "cancelled"
                : balance.signum() <= 0 ? "paid" : dueOn != null && dueOn.isBefore(today) ? "overdue"
                : paid.minus(refunded).signum() > 0 ? "partially-paid" : "issued";
        String discount = rs.getString("discount");
        String collection = rs.getString("collection");
        return new InvoiceView(invoiceId, rs.getObject("site_id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getObject("beneficiary_id", UUID.class), number, status, date(rs, "invoice_date"), dueOn, currency,
                JSON.readValue(rs.getString("lines"), LINES),
                discount == null ? null : JSON.readValue(discount, Discount.class),
                rs.getString("promotion") == null ? null : JSON.readValue(rs.getString("promotion"),
                        PromotionView.class),
                JSON.readValue(rs.getString("totals"), Totals.class), paid, balance,
                money(rs.getBigDecimal("credited"), currency), creditedByNotes, refunded,
                balance.signum() < 0 ? balance.negated() : Money.zero(currency),
                rs.getObject("subscription_id", UUID.class), (Integer) rs.getObject("installment_number"),
                collection == null ? null : JSON.readValue(collection, Collection.class),
                party(rs.getString("seller")), party(rs.getString("buyer")),
                withPayments ? payments(invoiceId) : null, withPayments ? creditNotes(invoiceId) : null,
                withPayments ? refunds(invoiceId) : null, rs.getString("opened_by"), instant(rs, "opened_at"),
                rs.getString("issued_by"), instant(rs, "issued_at"), instant(rs, "settled_at"),
                rs.getLong("version"));
    }

    private List<PaymentView> payments(UUID invoiceId) {
        return jdbc.sql("SELECT * FROM payment_view WHERE invoice_id = ? ORDER BY received_at, payment_id")
                .param(invoiceId).query((rs, row) -> {
                    String currency = rs.getString("currency").strip();
                    return new PaymentView(rs.getObject("payment_id", UUID.class), invoiceId, rs.getString("method"),
                            money(rs.getBigDecimal("amount"), currency), money(rs.getBigDecimal("applied"), currency),
                            money(rs.getBigDecimal("credited"), currency), rs.getString("reference"),
                            rs.getString("received_by"), instant(rs, "received_at"), rs.getString("cancelled_by"),
                            instant(rs, "cancelled_at"), rs.getString("cancel_reason"));
                }).list();
    }

    private List<CreditNoteView> creditNotes(UUID invoiceId) {
        return jdbc.sql("SELECT * FROM credit_note_view WHERE invoice_id = ? ORDER BY issued_at, number")
                .param(invoiceId).query(InvoiceDirectory::creditNote).list();
    }

    private List<RefundView> refunds(UUID invoiceId) {
        return jdbc.sql("SELECT * FROM refund_view WHERE invoice_id = ? ORDER BY refunded_at, refund_id")
                .param(invoiceId).query((rs, row) -> new RefundView(rs.getObject("refund_id", UUID.class),
                        rs.getString("method"), money(rs.getBigDecimal("amount"), rs.getString("currency").strip()),
                        rs.getString("reason"), rs.getString("refunded_by"), instant(rs, "refunded_at"))).list();
    }

    private static CreditNoteView creditNote(ResultSet rs, int row) throws SQLException {
        return new CreditNoteView(rs.getObject("credit_note_id", UUID.class), rs.getObject("invoice_id", UUID.class),
                rs.getString("number"), rs.getString("invoice_number"), rs.getObject("member_id", UUID.class),
                rs.getObject("site_id", UUID.class), JSON.readValue(rs.getString("totals"), Totals.class),
                JSON.readValue(rs.getString("line_ids"), IDS), rs.getBoolean("whole"), rs.getString("reason"),
                rs.getString("issued_by"), instant(rs, "issued_at"));
    }

    private static void where(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.add(value);
        }
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount, currency).normalized();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Party party(String json) {
        return json == null ? null : JSON.readValue(json, Party.class);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
