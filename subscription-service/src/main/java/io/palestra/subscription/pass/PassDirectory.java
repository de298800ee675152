package io.palestra.subscription.pass;

import io.palestra.platform.axon.VersionedRows;
import io.palestra.subscription.pass.PassMessages.CreditsMoved;
import io.palestra.subscription.pass.PassMessages.PassActivated;
import io.palestra.subscription.pass.PassMessages.PassEnded;
import io.palestra.subscription.pass.PassMessages.PassExtended;
import io.palestra.subscription.pass.PassMessages.PassIssued;
import io.palestra.subscription.pass.PassMessages.PassReassigned;
import io.palestra.subscription.pass.PassQueries.FindPass;
import io.palestra.subscription.pass.PassQueries.Ledger;
import io.palestra.subscription.pass.PassQueries.LedgerEntry;
import io.palestra.subscription.pass.PassQueries.ListPasses;
import io.palestra.subscription.pass.PassQueries.PassLedger;
import io.palestra.subscription.pass.PassQueries.PassList;
import io.palestra.subscription.pass.PassQueries.PassView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Passes and their ledgers as staff read them. Rebuildable: a reset empties it for a replay; each row remembers the
 * last event applied, and each ledger line its event's sequence, so a redelivered event changes nothing. A pass's
 * status is read at query time from its dates, balance and end.
 */
@Component
@ProcessingGroup(PassDirectory.GROUP)
class PassDirectory {

    static final String GROUP = "pass-directory";
    private static final String COLUMNS = "pass_id, organization_id, member_id, plan_id, name, kind, credits, "
            + "balance, sale_reference, activation, valid_from, valid_until, shareable, ended, issued_at, version";

    private final JdbcClient jdbc;
    private final VersionedRows rows;
    private final Clock clock;

    PassDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.rows = new VersionedRows(jdbc, "pass_view", "pass_id");
        this.clock = clock;
    }

    @EventHandler
    void on(PassIssued event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO pass_view (pass_id, organization_id, member_id, plan_id, name, kind, credits,
                            balance, sale_reference, activation, valid_from, valid_until, shareable, issued_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pass_id) DO NOTHING""")
                .params(event.passId(), event.organizationId(), event.memberId(), event.planId(), event.name(),
                        event.kind().value(), event.credits(), event.credits() == null ? null : 0,
                        event.saleReference(), event.activation(), event.validFrom(), event.validUntil(),
                        event.shareable(), event.at().atOffset(ZoneOffset.UTC), version)
                .update();
    }

    @EventHandler
    void on(CreditsMoved event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO pass_ledger (pass_id, sequence, movement, from_account, to_account, credits,
                            balance, booking_id, reason, actor, moved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.passId(), version, event.movement(), event.from(), event.to(), event.credits(),
                        event.balance(), event.bookingId(), event.reason(), event.actor(),
                        event.at().atOffset(ZoneOffset.UTC))
                .update();
        rows.change(event.passId(), version, "balance = ?", event.balance());
    }

    @EventHandler
    void on(PassActivated event, @SequenceNumber long version) {
        rows.change(event.passId(), version, "valid_from = ?, valid_until = ?", event.validFrom(), event.validUntil());
    }

    @EventHandler
    void on(PassExtended event, @SequenceNumber long version) {
        rows.change(event.passId(), version, "valid_until = ?", event.validUntil());
    }

    @EventHandler
    void on(PassEnded event, @SequenceNumber long version) {
        rows.change(event.passId(), version, "ended = ?", event.reason());
    }

    @EventHandler
    void on(PassReassigned event, @SequenceNumber long version) {
        rows.change(event.passId(), version, "member_id = ?", event.toMemberId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE pass_view, pass_ledger").update();
    }

    @QueryHandler
    Optional<PassView> find(FindPass query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pass_view WHERE organization_id = ? AND pass_id = ?")
                .params(query.organizationId(), query.passId()).query((row, number) -> view(row)).optional();
    }

    @QueryHandler
    PassList list(ListPasses query) {
        String holders = query.memberId() == null ? "" : " AND (member_id = ? OR (shareable AND member_id = ANY(?)))";
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        if (query.memberId() != null) {
            params.add(query.memberId());
            params.add(query.household().toArray(new UUID[0]));
        }
        List<PassView> passes = jdbc.sql("SELECT " + COLUMNS + " FROM pass_view WHERE organization_id = ?" + holders
                        + " ORDER BY valid_until NULLS LAST, issued_at, pass_id LIMIT 1000")
                .params(params).query((row, number) -> view(row)).list();
        return new PassList(passes.stream()
                .filter(pass -> query.status() == null || query.status().equals(pass.status())).toList());
    }

    @QueryHandler
    Optional<Ledger> ledger(PassLedger query) {
        return find(new FindPass(query.organizationId(), query.passId())).map(pass -> new Ledger(pass.id(),
                pass.credits(), pass.balance(), jdbc.sql("""
                                SELECT sequence, movement, from_account, to_account, credits, balance, booking_id,
                                       reason, actor, moved_at
                                FROM pass_ledger WHERE pass_id = ? ORDER BY sequence""")
                .param(pass.id())
                .query((row, number) -> new LedgerEntry(row.getLong("sequence"), row.getString("movement"),
                        row.getString("from_account"), row.getString("to_account"), row.getInt("credits"),
                        (Integer) row.getObject("balance"), row.getObject("booking_id", UUID.class),
                        row.getString("reason"), row.getString("actor"),
                        row.getObject("moved_at", OffsetDateTime.class).toInstant()))
                .list()));
    }

    private PassView view(ResultSet row) throws SQLException {
        Integer credits = (Integer) row.getObject("credits");
        Integer balance = (Integer) row.getObject("balance");
        LocalDate from = row.getObject("valid_from", LocalDate.class);
        LocalDate until = row.getObject("valid_until", LocalDate.class);
        String ended = row.getString("ended");
        // The organisation's day is close enough to UTC's for a list's status; the pass itself decides exactly.
        LocalDate today = LocalDate.now(clock);
        String status = ended != null ? ended
                : from == null ? "awaiting-first-use"
                : today.isBefore(from) ? "upcoming"
                : until != null && today.isAfter(until) ? "expired"
                : balance != null && balance == 0 ? "used-up" : "active";
        return new PassView(row.getObject("pass_id", UUID.class), row.getObject("organization_id", UUID.class),
                row.getObject("member_id", UUID.class), row.getObject("plan_id", UUID.class), row.getString("name"),
                row.getString("kind"), credits, balance, row.getString("sale_reference"),
                row.getString("activation"), from, until, row.getBoolean("shareable"), status,
                row.getObject("issued_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
    }
}
