package io.palestra.billing.account;

import io.palestra.billing.account.AccountQueries.CountTopUps;
import io.palestra.billing.account.AccountQueries.TopUpList;
import io.palestra.billing.account.AccountQueries.TopUps;
import io.palestra.billing.account.AccountMessages.AccountCredited;
import io.palestra.billing.account.AccountMessages.AccountDebited;
import io.palestra.platform.money.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Members' accounts: the balance and the statement (every entry, its cause and the balance after it). Rebuildable. */
@Component
@ProcessingGroup(AccountDirectory.GROUP)
class AccountDirectory {

    static final String GROUP = "account-directory";

    /** A member's account: its balance and its entries, latest first. */
    public record FindAccount(UUID organizationId, UUID memberId, int limit) {
    }

    /**
     * @param direction {@code credit} or {@code debit}
     * @param cause     {@code top-up}, {@code overpayment}, {@code refund}, {@code reversal}, {@code payment},
     *                  {@code withdrawal}
     */
    public record Entry(UUID entryId, String direction, String cause, Money amount, Money balance, String method,
                        UUID invoiceId, String actor, Instant at, String note) {
    }

    public record AccountView(UUID memberId, Money balance, List<Entry> entries, long version) {
    }

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountCredited event, @SequenceNumber long version) {
        entry(event.accountId(), event.organizationId(), event.memberId(), event.siteId(), event.entryId(), "credit",
                event.cause(), event.amount(), event.balance(), event.method(), event.invoiceId(), event.actor(),
                event.at(), event.note(), version);
    }

    @EventHandler
    void on(AccountDebited event, @SequenceNumber long version) {
        entry(event.accountId(), event.organizationId(), event.memberId(), event.siteId(), event.entryId(), "debit",
                event.cause(), event.amount(), event.balance(), null, event.invoiceId(), event.actor(), event.at(),
                null, version);
    }

    private void entry(UUID accountId, UUID organizationId, UUID memberId, UUID siteId, UUID entryId,
                       String direction, String cause, Money amount, Money balance, String method, UUID invoiceId,
                       String actor, Instant at, String note, long version) {
        jdbc.sql("""
                        INSERT INTO account_view (account_id, organization_id, member_id, currency, balance, version)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (account_id) DO UPDATE SET balance = excluded.balance, version = excluded.version
                        WHERE account_view.version < excluded.version""")
                .params(accountId, organizationId, memberId, balance.currency(), balance.amount(), version).update();
        jdbc.sql("""
                        INSERT INTO account_entry_view (entry_id, account_id, organization_id, site_id, direction,
                            cause, amount, balance, method, invoice_id, actor, at, note, sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING""")
                .params(entryId, accountId, organizationId, siteId, direction, cause, amount.amount(),
                        balance.amount(), method, invoiceId, actor, at.atOffset(ZoneOffset.UTC), note, version)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE account_view, account_entry_view").update();
    }

    @QueryHandler
    Optional<AccountView> handle(FindAccount query) {
        return jdbc.sql("SELECT * FROM account_view WHERE organization_id = ? AND member_id = ?")
                .params(query.organizationId(), query.memberId())
                .query((rs, row) -> {
                    String currency = rs.getString("currency").strip();
                    UUID account = rs.getObject("account_id", UUID.class);
                    List<Entry> entries = jdbc.sql("""
                                    SELECT * FROM account_entry_view WHERE account_id = ?
                                    ORDER BY sequence DESC LIMIT ?""")
                            .params(account, query.limit())
                            .query((entry, number) -> new Entry(entry.getObject("entry_id", UUID.class),
                                    entry.getString("direction"), entry.getString("cause"),
                                    new Money(entry.getBigDecimal("amount"), currency).normalized(),
                                    new Money(entry.getBigDecimal("balance"), currency).normalized(),
                                    entry.getString("method"), entry.getObject("invoice_id", UUID.class),
                                    entry.getString("actor"), entry.getTimestamp("at").toInstant(),
                                    entry.getString("note"))).list();
                    return new AccountView(query.memberId(), new Money(rs.getBigDecimal("balance"), currency)
                            .normalized(), entries, rs.getLong("version"));
                }).optional();
    }

    @QueryHandler
    TopUpList handle(CountTopUps query) {
        if (query.siteIds().isEmpty()) {
            return new TopUpList(List.of());
        }
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        params.addAll(query.siteIds());
        params.add(query.from().atOffset(ZoneOffset.UTC));
        params.add(query.to().atOffset(ZoneOffset.UTC));
        return new TopUpList(jdbc.sql("""
                        SELECT e.site_id, e.method, a.currency, count(*) AS n, sum(e.amount) AS amount
                        FROM account_entry_view e JOIN account_view a ON a.account_id = e.account_id
                        WHERE e.organization_id = ? AND e.site_id IN (%s) AND e.cause = 'top-up'
                          AND e.direction = 'credit' AND e.at >= ? AND e.at < ?
                        GROUP BY e.site_id, e.method, a.currency ORDER BY 1, 2"""
                        .formatted(String.join(", ", Collections.nCopies(query.siteIds().size(), "?"))))
                .params(params)
                .query((rs, row) -> new TopUps(rs.getObject("site_id", UUID.class), rs.getString("method"),
                        rs.getLong("n"), new Money(rs.getBigDecimal("amount"), rs.getString("currency").strip())
                        .normalized())).list());
    }
}
