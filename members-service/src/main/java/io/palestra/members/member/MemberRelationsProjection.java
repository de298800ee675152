package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberQueries.FindRelationOwner;
import io.palestra.members.member.RelationMessages.MembersRelated;
import io.palestra.members.member.RelationMessages.RelationEnded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Relations between members, readable from both sides: each row keeps the kind the owner gave and its counterpart,
 * which is what the other member sees. An erased member's relations are dropped.
 */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class MemberRelationsProjection {

    private final JdbcClient jdbc;
    private final MemberViewUpdates rows;

    MemberRelationsProjection(JdbcClient jdbc, MemberViewUpdates rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(MembersRelated event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "");
        jdbc.sql("""
                        INSERT INTO member_relation (relation_id, organization_id, owner_id, other_id, kind,
                                                     counterpart, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (relation_id) DO NOTHING""")
                .params(event.relationId(), event.organizationId(), event.memberId(), event.otherMemberId(),
                        event.kind().value(), event.kind().counterpart().value(), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(RelationEnded event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "");
        jdbc.sql("DELETE FROM member_relation WHERE relation_id = ?").param(event.relationId()).update();
    }

    @EventHandler
    void on(MemberAnonymized event) {
        jdbc.sql("DELETE FROM member_relation WHERE owner_id = ? OR other_id = ?")
                .params(event.memberId(), event.memberId()).update();
    }

    @QueryHandler
    Optional<UUID> owner(FindRelationOwner query) {
        return jdbc.sql("""
                        SELECT owner_id FROM member_relation
                        WHERE organization_id = ? AND relation_id = ? AND (owner_id = ? OR other_id = ?)""")
                .params(query.organizationId(), query.relationId(), query.memberId(), query.memberId())
                .query(UUID.class).optional();
    }
}
