package io.palestra.members.household;

import io.palestra.members.household.HouseholdMessages.HouseholdCreated;
import io.palestra.members.household.HouseholdMessages.HouseholdDissolved;
import io.palestra.members.household.HouseholdMessages.HouseholdHolderChanged;
import io.palestra.members.household.HouseholdMessages.MemberJoinedHousehold;
import io.palestra.members.household.HouseholdMessages.MemberLeftHousehold;
import io.palestra.members.member.MemberDirectory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Households as the member record shows them; part of the member directory, so a change reads back at once. */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class HouseholdProjection {

    private final JdbcClient jdbc;

    HouseholdProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HouseholdCreated event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO household_view (household_id, organization_id, holder_id, created_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (household_id) DO NOTHING""")
                .params(event.householdId(), event.organizationId(), event.holderId(), at.atOffset(ZoneOffset.UTC))
                .update();
        join(event.householdId(), event.holderId(), at);
    }

    @EventHandler
    void on(MemberJoinedHousehold event, @Timestamp Instant at) {
        join(event.householdId(), event.memberId(), at);
    }

    @EventHandler
    void on(MemberLeftHousehold event) {
        jdbc.sql("DELETE FROM household_member_view WHERE household_id = ? AND member_id = ?")
                .params(event.householdId(), event.memberId()).update();
    }

    @EventHandler
    void on(HouseholdHolderChanged event) {
        jdbc.sql("UPDATE household_view SET holder_id = ? WHERE household_id = ?")
                .params(event.holderId(), event.householdId()).update();
    }

    @EventHandler
    void on(HouseholdDissolved event) {
        jdbc.sql("DELETE FROM household_member_view WHERE household_id = ?").param(event.householdId()).update();
        jdbc.sql("DELETE FROM household_view WHERE household_id = ?").param(event.householdId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE household_view, household_member_view").update();
    }

    private void join(UUID household, UUID member, Instant at) {
        jdbc.sql("""
                        INSERT INTO household_member_view (household_id, member_id, joined_at) VALUES (?, ?, ?)
                        ON CONFLICT (member_id) DO NOTHING""")
                .params(household, member, at.atOffset(ZoneOffset.UTC)).update();
    }
}
