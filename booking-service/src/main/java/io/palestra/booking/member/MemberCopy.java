package io.palestra.booking.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * booking-service's copy of members, kept from members-service's events ({@code integration.MembersEvents}) and
 * profiles ({@code integration.MemberProfilesEvents}): code and names for rosters, merges (kept one step deep: a
 * survivor merged in turn carries its duplicates along), erasure, blacklist periods. Every change is idempotent, and
 * a profile that arrives after the member's erasure (the two topics are not ordered with each other) brings no name
 * back.
 */
@Component
public class MemberCopy implements Members {

    private final JdbcClient jdbc;

    MemberCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void registered(UUID organizationId, UUID memberId, String memberCode) {
        jdbc.sql("""
                        INSERT INTO member_copy (member_id, organization_id, member_code) VALUES (?, ?, ?)
                        ON CONFLICT (member_id) DO UPDATE SET member_code = EXCLUDED.member_code""")
                .params(memberId, organizationId, memberCode).update();
    }

    public void profile(UUID organizationId, UUID memberId, String memberCode, String firstName, String lastName) {
        jdbc.sql("""
                        INSERT INTO member_copy (member_id, organization_id, member_code, first_name, last_name)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (member_id) DO UPDATE SET member_code = EXCLUDED.member_code,
                            first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name
                        WHERE NOT member_copy.anonymized""")
                .params(memberId, organizationId, memberCode, firstName, lastName).update();
    }

    /** The profile was erased (tombstone): names go, the id stays for the history. */
    public void profileErased(UUID memberId) {
        jdbc.sql("UPDATE member_copy SET first_name = NULL, last_name = NULL WHERE member_id = ?").param(memberId)
                .update();
    }

    public void anonymized(UUID organizationId, UUID memberId) {
        jdbc.sql("""
                        INSERT INTO member_copy (member_id, organization_id, anonymized) VALUES (?, ?, true)
                        ON CONFLICT (member_id) DO UPDATE SET first_name = NULL, last_name = NULL,
                            member_code = NULL, anonymized = true""")
                .params(memberId, organizationId).update();
        jdbc.sql("DELETE FROM blacklist_period WHERE member_id = ?").param(memberId).update();
    }

    public void merged(UUID organizationId, UUID duplicateId, UUID survivorId) {
        jdbc.sql("""
                        INSERT INTO member_copy (member_id, organization_id, merged_into) VALUES (?, ?, ?)
                        ON CONFLICT (member_id) DO UPDATE SET merged_into = EXCLUDED.merged_into""")
                .params(duplicateId, organizationId, survivorId).update();
        jdbc.sql("UPDATE member_copy SET merged_into = ? WHERE merged_into = ?").params(survivorId, duplicateId)
                .update();
    }

    public void blacklisted(UUID organizationId, UUID memberId, UUID periodId, LocalDate from, LocalDate until) {
        jdbc.sql("""
                        INSERT INTO blacklist_period (period_id, member_id, organization_id, from_day, until_day)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (period_id) DO UPDATE SET from_day = EXCLUDED.from_day,
                            until_day = EXCLUDED.until_day""")
                .params(periodId, memberId, organizationId, from, until).update();
    }

    public void blacklistLifted(UUID periodId) {
        jdbc.sql("DELETE FROM blacklist_period WHERE period_id = ?").param(periodId).update();
    }

    @Override
    public Optional<Member> find(UUID organizationId, UUID memberId) {
        return jdbc.sql("""
                        SELECT member_id, merged_into, anonymized FROM member_copy
                        WHERE member_id = ? AND organization_id = ?""")
                .params(memberId, organizationId)
                .query((rs, row) -> new Member(rs.getObject("member_id", UUID.class),
                        rs.getObject("merged_into", UUID.class), rs.getBoolean("anonymized")))
                .optional();
    }

    @Override
    public boolean barredOn(UUID memberId, LocalDate day) {
        return jdbc.sql("""
                        SELECT count(*) FROM blacklist_period
                        WHERE member_id = ? AND from_day <= ? AND (until_day IS NULL OR until_day >= ?)""")
                .params(memberId, day, day).query(Long.class).single() > 0;
    }

    @Override
    public List<UUID> aliases(UUID memberId) {
        List<UUID> aliases = new java.util.ArrayList<>(List.of(memberId));
        aliases.addAll(jdbc.sql("SELECT member_id FROM member_copy WHERE merged_into = ?").param(memberId)
                .query(UUID.class).list());
        return aliases;
    }
}
