package io.palestra.members.member;

import io.palestra.members.member.BlacklistMessages.BlacklistPeriodLifted;
import io.palestra.members.member.BlacklistMessages.MemberBlacklisted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/** The blacklist periods in force, read with the member record. A lifted period is gone (its history stays). */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class MemberBlacklistProjection {

    private final JdbcClient jdbc;
    private final MemberViewUpdates rows;

    MemberBlacklistProjection(JdbcClient jdbc, MemberViewUpdates rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(MemberBlacklisted event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "");
        jdbc.sql("""
                        INSERT INTO member_blacklist_period (period_id, member_id, organization_id, from_date,
                                                             until_date, reason, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (period_id) DO NOTHING""")
                .params(event.periodId(), event.memberId(), event.organizationId(), event.from(), event.until(),
                        event.reason(), event.by(), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(BlacklistPeriodLifted event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "");
        jdbc.sql("DELETE FROM member_blacklist_period WHERE period_id = ?").param(event.periodId()).update();
    }
}
