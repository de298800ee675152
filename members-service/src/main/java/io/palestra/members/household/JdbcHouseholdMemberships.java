package io.palestra.members.household;

import io.palestra.members.member.HouseholdLinks;
import io.palestra.platform.errors.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Household memberships in a table written in the transaction of the household's events. */
@Component
class JdbcHouseholdMemberships implements HouseholdMemberships, HouseholdLinks {

    private final JdbcClient jdbc;

    JdbcHouseholdMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(UUID member, UUID household) {
        int inserted = jdbc.sql("""
                        INSERT INTO household_membership (member_id, household_id) VALUES (?, ?)
                        ON CONFLICT (member_id) DO NOTHING""")
                .params(member, household).update();
        if (inserted == 0 && !householdOf(member).map(household::equals).orElse(false)) {
            throw new RuleViolationException("already-in-household",
                    "Member " + member + " already belongs to a household: they must leave it first.");
        }
    }

    @Override
    public void release(UUID member, UUID household) {
        jdbc.sql("DELETE FROM household_membership WHERE member_id = ? AND household_id = ?")
                .params(member, household).update();
    }

    @Override
    public boolean inHousehold(UUID memberId) {
        return householdOf(memberId).isPresent();
    }

    @Override
    public Optional<UUID> householdOf(UUID member) {
        return jdbc.sql("SELECT household_id FROM household_membership WHERE member_id = ?").param(member)
                .query(UUID.class).optional();
    }
}
