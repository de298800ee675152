package io.palestra.subscription.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * subscription-service's copy of who is merged into whom and who shares a household, kept from members-service's
 * events ({@code integration.MembersEvents}). Pseudonymous: ids only, no names. Every change is idempotent.
 */
@Component
public class MemberCopy implements Members {

    private static final int MAX_MERGE_CHAIN = 20;

    private final JdbcClient jdbc;

    MemberCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void merged(UUID organizationId, UUID duplicateId, UUID survivorId) {
        jdbc.sql("""
                        INSERT INTO member_copy (member_id, organization_id, merged_into) VALUES (?, ?, ?)
                        ON CONFLICT (member_id) DO UPDATE SET merged_into = EXCLUDED.merged_into""")
                .params(duplicateId, organizationId, survivorId).update();
    }

    /** The household as it now is, whole: its members point to it, members who left it no longer do. */
    public void householdChanged(UUID organizationId, UUID householdId, List<UUID> memberIds) {
        jdbc.sql("UPDATE member_copy SET household_id = NULL WHERE household_id = ?").param(householdId).update();
        for (UUID member : memberIds) {
            jdbc.sql("""
                            INSERT INTO member_copy (member_id, organization_id, household_id) VALUES (?, ?, ?)
                            ON CONFLICT (member_id) DO UPDATE SET household_id = EXCLUDED.household_id""")
                    .params(member, organizationId, householdId).update();
        }
    }

    @Override
    public UUID current(UUID memberId) {
        UUID current = memberId;
        for (int step = 0; step < MAX_MERGE_CHAIN; step++) {
            UUID next = jdbc.sql("SELECT merged_into FROM member_copy WHERE member_id = ?").param(current)
                    .query(UUID.class).optional().orElse(null);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    @Override
    public Set<UUID> household(UUID memberId) {
        Set<UUID> members = new HashSet<>(jdbc.sql("""
                        SELECT member_id FROM member_copy
                        WHERE household_id = (SELECT household_id FROM member_copy WHERE member_id = ?)""")
                .param(memberId).query(UUID.class).list());
        members.add(memberId);
        return members;
    }
}
