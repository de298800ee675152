package io.palestra.members.member;

import io.palestra.platform.web.PageCursor;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MemberQueries.CountMembers;
import io.palestra.members.member.MemberQueries.FindMember;
import io.palestra.members.member.MemberQueries.MemberCounts;
import io.palestra.members.member.MemberQueries.MemberPage;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MemberQueries.SearchMembers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The member list and record as staff read them, searchable by name, e-mail, phone and code. Rebuildable: a reset
 * empties it for a replay.
 */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
public class MemberDirectory {

    public static final String GROUP = "member-directory";

    private final JdbcClient jdbc;
    private final Clock clock;

    MemberDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(MemberRegistered event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO member_view (member_id, organization_id, site_id, member_code, first_name, last_name,
                                                 email, phone, birth_date, gender, country, registered_at, updated_at,
                                                 last_admin_change_at, version, sort_key, search_text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id) DO NOTHING""")
                .params(event.memberId(), event.organizationId(), event.siteId(), event.memberCode(),
                        event.firstName(), event.lastName(), event.email(), event.phone(), event.birthDate(),
                        event.gender().value(), event.country(), event.registeredAt().atOffset(ZoneOffset.UTC),
                        event.registeredAt().atOffset(ZoneOffset.UTC), event.registeredAt().atOffset(ZoneOffset.UTC),
                        version,
                        SearchText.sortKey(event.firstName(), event.lastName()),
                        SearchText.of(event.firstName(), event.lastName(), event.email(), event.phone(),
                                event.memberCode()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE member_view, member_note, member_blacklist_period, member_tag, member_consent, "
                + "member_relation, "
                + "member_consent_history").update();
    }

    @QueryHandler
    Optional<MemberView> find(FindMember query) {
        // a merged record answers as the record that took it over (followed along a chain of merges)
        StringBuilder sql = new StringBuilder("SELECT " + MemberRows.COLUMNS + MemberRows.FROM + " " + """
                 WHERE m.organization_id = ? AND m.member_id = (
                    WITH RECURSIVE chain (member_id, depth) AS (
                        SELECT ?::uuid, 0
                        UNION ALL
                        SELECT v.merged_into, c.depth + 1 FROM member_view v JOIN chain c ON v.member_id = c.member_id
                        WHERE v.merged_into IS NOT NULL AND c.depth < 20)
                    SELECT member_id FROM chain ORDER BY depth DESC LIMIT 1)""");
        List<Object> params = new ArrayList<>(List.of(query.organizationId(), query.memberId()));
        restrictToSites(sql, params, query.sites());
        return jdbc.sql(sql.toString()).params(params).query((row, number) -> MemberRows.view(row, clock)).optional();
    }

    @QueryHandler
    MemberPage search(SearchMembers query) {
        StringBuilder sql = new StringBuilder("SELECT " + MemberRows.COLUMNS + ", " + query.sort().column()
                + "::text AS sort_value" + MemberRows.FROM + " WHERE m.organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        MemberFilterSql.append(query.filter(), clock, sql, params);
        MemberSort sort = query.sort();
        String direction = sort.descending() ? " DESC" : "";
        if (query.after() != null) {
            PageCursor after = query.after();
            sql.append(" AND (").append(sort.column()).append(", m.member_id) ").append(sort.descending() ? "<" : ">")
                    .append(sort.instant() ? " (?::timestamptz, ?)" : " (?, ?)");
            params.add(after.value());
            params.add(after.id());
        }
        sql.append(" ORDER BY ").append(sort.column()).append(direction).append(", m.member_id").append(direction)
                .append(" LIMIT ?");
        params.add(query.limit() + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((row, number) -> new Row(MemberRows.view(row, clock), row.getString("sort_value"))).list();
        boolean more = rows.size() > query.limit();
        List<Row> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? new PageCursor(sort.value(), page.get(page.size() - 1).sortValue(),
                page.get(page.size() - 1).view().id()).encode() : null;
        return new MemberPage(page.stream().map(Row::view).toList(), next);
    }

    @QueryHandler
    MemberCounts count(CountMembers query) {
        StringBuilder sql = new StringBuilder("""
                SELECT count(*) AS total, count(*) FILTER (WHERE m.status = 'active') AS active,
                       count(*) FILTER (WHERE m.status = 'active' AND\s""" + MemberFilterSql.BARRED_TODAY + """
                ) AS blacklisted,
                       count(*) FILTER (WHERE m.status = 'anonymized') AS anonymized,
                       count(*) FILTER (WHERE m.status = 'merged') AS merged""" + MemberRows.FROM
                + " WHERE m.organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(clock.instant().atOffset(ZoneOffset.UTC),
                clock.instant().atOffset(ZoneOffset.UTC), query.organizationId()));
        MemberFilterSql.append(query.filter().withStatus(null), clock, sql, params);
        return jdbc.sql(sql.toString()).params(params).query((row, number) -> new MemberCounts(row.getLong("total"),
                row.getLong("active"), row.getLong("blacklisted"), row.getLong("anonymized"), row.getLong("merged")))
                .single();
    }

    static void restrictToSites(StringBuilder sql, List<Object> params, Set<UUID> sites) {
        if (sites == null) {
            return;
        }
        if (sites.isEmpty()) {
            sql.append(" AND false");
            return;
        }
        sql.append(" AND m.site_id IN (").append(String.join(", ", sites.stream().map(site -> "?").toList()))
                .append(")");
        params.addAll(sites);
    }

    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Row(MemberView view, String sortValue) {
    }
}
