package io.palestra.members.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Sequential, zero-padded codes per organisation ({@code 000001}, {@code 000002}...), gapless because the counter
 * rolls back with a failed registration. The counter row is locked until the registration commits, which orders
 * concurrent registrations of one organisation; the {@code member_code} table keeps every code unique even once
 * staff may choose codes themselves.
 */
@Component
class JdbcMemberCodes implements MemberCodes {

    private final JdbcClient jdbc;

    JdbcMemberCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String allocate(UUID organizationId, UUID memberId) {
        long next = jdbc.sql("""
                        INSERT INTO member_code_counter (organization_id, last_value) VALUES (?, 1)
                        ON CONFLICT (organization_id) DO UPDATE SET last_value = member_code_counter.last_value + 1
                        RETURNING last_value""")
                .param(organizationId)
                .query(Long.class).single();
        String code = String.format("%06d", next);
        jdbc.sql("INSERT INTO member_code (organization_id, code, member_id) VALUES (?, ?, ?)")
                .params(organizationId, code, memberId).update();
        return code;
    }
}
