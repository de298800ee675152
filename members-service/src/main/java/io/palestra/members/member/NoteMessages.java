package io.palestra.members.member;

import io.palestra.platform.personal.DataSubject;
import io.palestra.platform.personal.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Internal notes staff keep on a member: never shown to the member, except in the export of their personal data.
 * The author is the subject of the staff member's token.
 */
public final class NoteMessages {

    private NoteMessages() {
    }

    public record AddNote(@TargetAggregateIdentifier UUID memberId, UUID noteId, String text, String author) {
    }

    public record EditNote(@TargetAggregateIdentifier UUID memberId, UUID noteId, String text, String editor) {
    }

    public record DeleteNote(@TargetAggregateIdentifier UUID memberId, UUID noteId, String deletedBy) {
    }

    public record NoteAdded(@DataSubject UUID memberId, UUID organizationId, UUID noteId, @PersonalData String text,
                            String author) {
    }

    public record NoteEdited(@DataSubject UUID memberId, UUID organizationId, UUID noteId, @PersonalData String text,
                             String editor) {
    }

    public record NoteDeleted(UUID memberId, UUID organizationId, UUID noteId, String deletedBy) {
    }
}
