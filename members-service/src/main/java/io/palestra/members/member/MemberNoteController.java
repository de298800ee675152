package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.FindNotes;
import io.palestra.members.member.MemberQueries.NoteView;
import io.palestra.members.member.NoteMessages.AddNote;
import io.palestra.members.member.NoteMessages.DeleteNote;
import io.palestra.members.member.NoteMessages.EditNote;
import io.palestra.members.member.RecordRequests.NoteRequest;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Internal notes on a member: staff only, never shown to the member (except in the export of their data). */
@RestController
@RequestMapping("/api/v1/members/{id}/notes")
@Tag(name = "Members")
class MemberNoteController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MemberAccess members;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    MemberNoteController(CommandGateway commands, QueryGateway queries, MemberAccess members,
                         ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.members = members;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "The member's notes, newest first")
    List<NoteView> notes(@PathVariable UUID id, Caller caller) {
        members.visible(caller, id);
        return notesOf(caller, id);
    }

    @PostMapping
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Add a note; its author is the caller")
    ResponseEntity<NoteView> add(@PathVariable UUID id, @Valid @RequestBody NoteRequest request, Caller caller) {
        members.visible(caller, id);
        UUID noteId = UUID.randomUUID();
        commands.sendAndWait(new AddNote(id, noteId, request.text(), caller.subject()));
        readYourWrites.await(MemberDirectory.GROUP, id.toString());
        NoteView note = new NoteView(noteId, request.text().strip(), caller.subject(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), null, null);
        return ResponseEntity.created(URI.create("/api/v1/members/" + id + "/notes/" + noteId)).body(note);
    }

    @PutMapping("/{noteId}")
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Change the text of a note")
    NoteView edit(@PathVariable UUID id, @PathVariable UUID noteId, @Valid @RequestBody NoteRequest request,
                  Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new EditNote(id, noteId, request.text(), caller.subject()));
        readYourWrites.await(MemberDirectory.GROUP, id.toString());
        return notesOf(caller, id).stream().filter(note -> note.id().equals(noteId)).findFirst()
                .orElseThrow(() -> NotFoundException.of("note", noteId));
    }

    @DeleteMapping("/{noteId}")
    @PreAuthorize(MemberRoles.DESK)
    @Operation(summary = "Delete a note")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID noteId, Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new DeleteNote(id, noteId, caller.subject()));
        readYourWrites.await(MemberDirectory.GROUP, id.toString());
        return ResponseEntity.noContent().build();
    }

    private List<NoteView> notesOf(Caller caller, UUID memberId) {
        return queries.query(new FindNotes(caller.organization(), memberId),
                ResponseTypes.multipleInstancesOf(NoteView.class)).join();
    }
}
