package io.palestra.members.member;

import io.palestra.members.member.MergeMessages.MemberMergedInto;
import io.palestra.members.member.MergeMessages.MembersMerged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Merges in the read models: the duplicate's row becomes a redirect ({@code status = 'merged'}, {@code merged_into});
 * its notes and blacklist periods, and the relations others have with it, now point to the survivor. What the
 * survivor takes besides (tags, consents, its own relations, contacts) arrives as the survivor's own events.
 */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class MemberMergeProjection {

    private final JdbcClient jdbc;
    private final MemberViewUpdates rows;

    MemberMergeProjection(JdbcClient jdbc, MemberViewUpdates rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventHandler
    void on(MemberMergedInto event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "status = 'merged', merged_into = ?", event.survivorId());
    }

    @EventHandler
    void on(MembersMerged event, @SequenceNumber long version, @Timestamp Instant at) {
        rows.change(event.memberId(), version, at, "");
        for (var note : event.noteIds()) {
            jdbc.sql("UPDATE member_note SET member_id = ? WHERE note_id = ?").params(event.memberId(), note).update();
        }
        for (var period : event.blacklistPeriodIds()) {
            jdbc.sql("UPDATE member_blacklist_period SET member_id = ? WHERE period_id = ?")
                    .params(event.memberId(), period).update();
        }
        jdbc.sql("UPDATE member_relation SET other_id = ? WHERE other_id = ?")
                .params(event.memberId(), event.duplicateId()).update();
    }
}
