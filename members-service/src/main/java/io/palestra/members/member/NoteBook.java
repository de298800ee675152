package io.palestra.members.member;

import io.palestra.members.member.NoteMessages.AddNote;
import io.palestra.members.member.NoteMessages.DeleteNote;
import io.palestra.members.member.NoteMessages.EditNote;
import io.palestra.members.member.NoteMessages.NoteAdded;
import io.palestra.members.member.NoteMessages.NoteDeleted;
import io.palestra.members.member.NoteMessages.NoteEdited;
import io.palestra.platform.errors.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import io.palestra.members.member.MergeMessages.MembersMerged;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The notes of one member: which exist, so that editing or deleting a gone one is refused. */
class NoteBook extends MemberPart {

    private final Set<UUID> notes = new HashSet<>();

    @CommandHandler
    void handle(AddNote command) {
        requireActive();
        if (!notes.contains(command.noteId())) {
            apply(new NoteAdded(memberId, organizationId, command.noteId(), command.text().strip(), command.author()));
        }
    }

    @CommandHandler
    void handle(EditNote command) {
        requireActive();
        require(command.noteId());
        apply(new NoteEdited(memberId, organizationId, command.noteId(), command.text().strip(), command.editor()));
    }

    @CommandHandler
    void handle(DeleteNote command) {
        requireActive();
        require(command.noteId());
        apply(new NoteDeleted(memberId, organizationId, command.noteId(), command.deletedBy()));
    }

    @EventSourcingHandler
    void on(NoteAdded event) {
        notes.add(event.noteId());
    }

    @EventSourcingHandler
    void on(MembersMerged event) {
        notes.addAll(event.noteIds());
    }

    Set<UUID> ids() {
        return Set.copyOf(notes);
    }

    @EventSourcingHandler
    void on(NoteDeleted event) {
        notes.remove(event.noteId());
    }

    @Override
    protected void forget() {
        notes.clear();
    }

    private void require(UUID noteId) {
        if (!notes.contains(noteId)) {
            throw NotFoundException.of("note", noteId);
        }
    }
}
