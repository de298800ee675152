package io.palestra.members.member;

import io.palestra.members.member.ConsentMessages.ConsentRecorded;
import io.palestra.members.member.ConsentMessages.ConsentTopic;
import io.palestra.members.member.MemberQueries.ConsentDecisionView;
import io.palestra.members.member.MemberQueries.FindConsentHistory;
import io.palestra.members.member.MemberQueries.FindOptedIn;
import io.palestra.members.member.MemberQueries.OptedInPage;
import io.palestra.members.member.MemberQueries.OptedInRow;
import io.palestra.platform.axon.Metadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Members' consents: every decision as recorded ({@code member_consent_history}), and the one in force per topic
 * ({@code member_consent}: the most recently expressed). A marketing preference change is an administrative change.
 */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class MemberConsentsProjection {

    private final JdbcClient jdbc;
    private final MemberViewUpdates rows;

    MemberConsentsProjection(JdbcClient jdbc, MemberViewUpdates rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(ConsentRecorded event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(Metadata.ACTING_USER) String actor) {
        if (!rows.change(event.memberId(), version, at, "")) {
            return;
        }
        ConsentTopic topic = event.topic();
        String channel = topic.channel() == null ? null : topic.channel().value();
        jdbc.sql("""
                        INSERT INTO member_consent_history (member_id, organization_id, topic, channel, preference_id,
                                                            granted, source, decided_at, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.memberId(), event.organizationId(), topic.key(), channel, topic.preferenceId(),
                        event.granted(), event.source(), event.decidedAt().atOffset(ZoneOffset.UTC), actor,
                        at.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                        INSERT INTO member_consent (member_id, organization_id, topic, channel, preference_id, granted,
                                                    source, decided_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (member_id, topic) DO UPDATE SET granted = excluded.granted,
                            source = excluded.source, decided_at = excluded.decided_at,
                            recorded_by = excluded.recorded_by
                        WHERE member_consent.decided_at <= excluded.decided_at""")
                .params(event.memberId(), event.organizationId(), topic.key(), channel, topic.preferenceId(),
                        event.granted(), event.source(), event.decidedAt().atOffset(ZoneOffset.UTC), actor)
                .update();
    }

    @QueryHandler
    OptedInPage optedIn(FindOptedIn query) {
        StringBuilder sql = new StringBuilder("""
                SELECT m.member_id, m.member_code, m.email, m.first_name, m.last_name, m.language, c.decided_at,
                       c.source
                FROM member_consent c
                JOIN member_consent e ON e.member_id = c.member_id AND e.topic = 'channel:email' AND e.granted
                JOIN member_view m ON m.member_id = c.member_id
                WHERE c.topic = ? AND c.granted AND c.organization_id = ? AND m.status = 'active'
                  AND m.email IS NOT NULL""");
        List<Object> params = new ArrayList<>(List.of(
                new ConsentTopic(null, query.preferenceId()).key(), query.organizationId()));
        MemberDirectory.restrictToSites(sql, params, query.sites());
        if (query.after() != null) {
            sql.append(" AND c.member_id > ?");
            params.add(UUID.fromString(query.after()));
        }
        sql.append(" ORDER BY c.member_id LIMIT ?");
        params.add(query.limit());
        List<OptedInRow> rows = jdbc.sql(sql.toString()).params(params)
                .query((row, number) -> new OptedInRow(row.getObject(1, UUID.class), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                        row.getObject(7, OffsetDateTime.class).toInstant(), row.getString(8)))
                .list();
        String next = rows.size() < query.limit() ? null : rows.get(rows.size() - 1).memberId().toString();
        return new OptedInPage(rows, next);
    }

    @QueryHandler
    List<ConsentDecisionView> history(FindConsentHistory query) {
        return jdbc.sql("""
                        SELECT channel, preference_id, granted, source, decided_at, recorded_by, recorded_at
                        FROM member_consent_history WHERE organization_id = ? AND member_id = ?
                        ORDER BY recorded_at DESC, decided_at DESC""")
                .params(query.organizationId(), query.memberId())
                .query((row, number) -> new ConsentDecisionView(
                        row.getString(1) == null ? null : Channel.of(row.getString(1)),
                        row.getObject(2, UUID.class), row.getBoolean(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class).toInstant(), row.getString(6),
                        row.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }
}
