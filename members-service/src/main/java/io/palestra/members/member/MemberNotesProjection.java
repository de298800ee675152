package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.FindNotes;
import io.palestra.members.member.MemberQueries.NoteView;
import io.palestra.members.member.NoteMessages.NoteAdded;
import io.palestra.members.member.NoteMessages.NoteDeleted;
import io.palestra.members.member.NoteMessages.NoteEdited;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Members' internal notes, for staff only. Part of the member directory, so a note reads back at once. */
@Component
@ProcessingGroup(MemberDirectory.GROUP)
class MemberNotesProjection {

    private final JdbcClient jdbc;

    MemberNotesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NoteAdded event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO member_note (note_id, member_id, organization_id, text, author, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (note_id) DO NOTHING""")
                .params(event.noteId(), event.memberId(), event.organizationId(), event.text(), event.author(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(NoteEdited event, @Timestamp Instant at) {
        jdbc.sql("UPDATE member_note SET text = ?, edited_by = ?, edited_at = ? WHERE note_id = ?")
                .params(event.text(), event.editor(), at.atOffset(ZoneOffset.UTC), event.noteId())
                .update();
    }

    @EventHandler
    void on(NoteDeleted event) {
        jdbc.sql("DELETE FROM member_note WHERE note_id = ?").param(event.noteId()).update();
    }

    @QueryHandler
    List<NoteView> notes(FindNotes query) {
        return jdbc.sql("""
                        SELECT note_id, text, author, created_at, edited_by, edited_at FROM member_note
                        WHERE organization_id = ? AND member_id = ? ORDER BY created_at DESC, note_id""")
                .params(query.organizationId(), query.memberId())
                .query((row, number) -> new NoteView(row.getObject(1, UUID.class), row.getString(2),
                        row.getString(3), row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5),
                        row.getObject(6, OffsetDateTime.class) == null ? null
                                : row.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }
}
