package io.palestra.members.member;

import io.palestra.members.member.TagMessages.MemberTagged;
import io.palestra.members.member.TagMessages.MemberUntagged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/** Which member is filed under which tag. Tagging is an administrative change of the record. */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class MemberTagsProjection {

    private final JdbcClient jdbc;
    private final MemberViewUpdates rows;

    MemberTagsProjection(JdbcClient jdbc, MemberViewUpdates rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(MemberTagged event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "");
        jdbc.sql("""
                        INSERT INTO member_tag (member_id, tag_id, organization_id, tagged_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (member_id, tag_id) DO NOTHING""")
                .params(event.memberId(), event.tagId(), event.organizationId(), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(MemberUntagged event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "");
        jdbc.sql("DELETE FROM member_tag WHERE member_id = ? AND tag_id = ?")
                .params(event.memberId(), event.tagId()).update();
    }
}
