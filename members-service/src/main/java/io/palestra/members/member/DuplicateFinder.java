package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.DuplicateCandidate;
import io.palestra.members.member.MemberQueries.DuplicateGroup;
import io.palestra.members.member.MemberQueries.DuplicateSuggestions;
import io.palestra.members.member.MemberQueries.FindDuplicates;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Suggests records that may be one person, from the member directory: the same e-mail (case aside), the same phone
 * (E.164), or the same name (accents and case aside) with the same birth date. Groups whose newest record is newest
 * come first: that is usually the duplicate a front desk just created.
 */
@Component
class DuplicateFinder {

    private final JdbcClient jdbc;

    DuplicateFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    DuplicateSuggestions find(FindDuplicates query) {
        StringBuilder candidates = new StringBuilder("""
                SELECT m.member_id, m.member_code, m.first_name, m.last_name, m.email, m.phone, m.birth_date,
                       m.site_id, m.registered_at, m.sort_key
                FROM member_view m WHERE m.organization_id = ? AND m.status = 'active'""");
        List<Object> params = new ArrayList<>(List.of(query.organizationId()));
        MemberDirectory.restrictToSites(candidates, params, query.sites());
        params.add(query.limit());
        String sql = "WITH candidates AS (" + candidates + """
                ), keyed AS (
                    SELECT 'same-email' AS reason, lower(email) AS key, c.* FROM candidates c WHERE email IS NOT NULL
                    UNION ALL
                    SELECT 'same-phone', phone, c.* FROM candidates c WHERE phone IS NOT NULL
                    UNION ALL
                    SELECT 'same-name-and-birth-date', sort_key || '|' || birth_date, c.* FROM candidates c
                    WHERE birth_date IS NOT NULL AND trim(sort_key) <> ''
                ), groups AS (
                    SELECT reason, key, max(registered_at) AS newest FROM keyed
                    GROUP BY reason, key HAVING count(*) > 1
                    ORDER BY newest DESC, reason, key LIMIT ?
                )
                SELECT g.reason, g.key, k.member_id, k.member_code, k.first_name, k.last_name, k.email, k.phone,
                       k.birth_date, k.site_id, k.registered_at
                FROM groups g JOIN keyed k ON k.reason = g.reason AND k.key = g.key
                ORDER BY g.newest DESC, g.reason, g.key, k.registered_at, k.member_id""";
        Map<String, List<DuplicateCandidate>> groups = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(row -> {
            groups.computeIfAbsent(row.getString("reason") + "\u0000" + row.getString("key"),
                    group -> new ArrayList<>()).add(new DuplicateCandidate(row.getObject("member_id", UUID.class),
                    row.getString("member_code"), row.getString("first_name"), row.getString("last_name"),
                    row.getString("email"), row.getString("phone"), row.getObject("birth_date", LocalDate.class),
                    row.getObject("site_id", UUID.class),
                    row.getObject("registered_at", OffsetDateTime.class).toInstant()));
        });
        List<DuplicateGroup> items = new ArrayList<>();
        groups.forEach((group, members) -> items.add(new DuplicateGroup(group.substring(0, group.indexOf('\u0000')),
                members)));
        return new DuplicateSuggestions(items);
    }
}
