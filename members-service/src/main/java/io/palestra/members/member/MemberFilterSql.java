package io.palestra.members.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The WHERE clause of a {@link MemberFilter} over {@code member_view m LEFT JOIN site_view s}, with its parameters.
 * Days are the days at the member's site.
 */
final class MemberFilterSql {

    static final String TODAY = "(?::timestamptz AT TIME ZONE coalesce(s.time_zone, 'UTC'))::date";
    static final String BARRED_TODAY = "EXISTS (SELECT 1 FROM member_blacklist_period b WHERE b.member_id = m.member_id"
            + " AND b.from_date <= " + TODAY + " AND (b.until_date IS NULL OR b.until_date >= " + TODAY + "))";
    private static final String DAY_START = "((?::date)::timestamp AT TIME ZONE coalesce(s.time_zone, 'UTC'))";

    private MemberFilterSql() {
    }

    /** Appends the conditions of {@code filter} (after a WHERE on the organisation). */
    static void append(MemberFilter filter, Clock clock, StringBuilder sql, List<Object> params) {
        MemberDirectory.restrictToSites(sql, params, filter.sites());
        if ("blacklisted".equals(filter.status())) {
            sql.append(" AND m.status = 'active' AND ").append(BARRED_TODAY);
            params.add(clock.instant().atOffset(ZoneOffset.UTC));
            params.add(clock.instant().atOffset(ZoneOffset.UTC));
        } else if (filter.status() != null) {
            sql.append(" AND m.status = ?");
            params.add(filter.status());
        }
        if (filter.text() != null) {
            for (List<String> alternatives : SearchText.terms(filter.text())) {
                sql.append(" AND (").append(String.join(" OR ",
                        alternatives.stream().map(term -> "m.search_text LIKE ? ESCAPE '\\'").toList())).append(")");
                alternatives.forEach(term -> params.add("% " + MemberDirectory.escapeLike(term) + "%"));
            }
        }
        if (!filter.tags().isEmpty()) {
            String tagged = "EXISTS (SELECT 1 FROM member_tag mt JOIN tag_view t ON t.tag_id = mt.tag_id"
                    + " WHERE mt.member_id = m.member_id AND (t.tag_id = ? OR t.parent_id = ?))";
            if (filter.allTags()) {
                for (UUID tag : filter.tags()) {
                    sql.append(" AND ").append(tagged);
                    params.add(tag);
                    params.add(tag);
                }
            } else {
                sql.append(" AND (").append(String.join(" OR ", filter.tags().stream().map(tag -> tagged).toList()))
                        .append(")");
                filter.tags().forEach(tag -> {
                    params.add(tag);
                    params.add(tag);
                });
            }
        }
        if (filter.preferenceId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM member_consent c WHERE c.member_id = m.member_id")
                    .append(" AND c.topic = ? AND c.granted)");
            params.add("preference:" + filter.preferenceId());
        }
        if (filter.activeMembership() != null) {
            sql.append(filter.activeMembership() ? " AND " : " AND NOT ")
                    .append("EXISTS (SELECT 1 FROM member_subscription ms WHERE (ms.member_id = m.member_id")
                    .append(" OR ms.member_id IN (SELECT d.member_id FROM member_view d")
                    .append(" WHERE d.merged_into = m.member_id))")
                    .append(" AND ms.status NOT IN (").append(MemberSubscriptions.ENDED).append("))");
        }
        day(sql, params, "m.registered_at", ">=", filter.registeredFrom(), 0);
        day(sql, params, "m.registered_at", "<", filter.registeredTo(), 1);
        day(sql, params, "m.last_admin_change_at", ">=", filter.changedFrom(), 0);
        day(sql, params, "m.last_admin_change_at", "<", filter.changedTo(), 1);
    }

    private static void day(StringBuilder sql, List<Object> params, String column, String operator, LocalDate day,
                            int plusDays) {
        if (day != null) {
            sql.append(" AND ").append(column).append(' ').append(operator).append(' ').append(DAY_START);
            params.add(day.plusDays(plusDays));
        }
    }
}
