package io.palestra.members.history;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading a member's history and its record at a past instant, straight from the member's event stream. */
public final class MemberHistoryQueries {

    private MemberHistoryQueries() {
    }

    /** The changes with a sequence after {@code after} (-1 for all), oldest first, at most {@code limit}. */
    public record FindMemberHistory(UUID memberId, long after, int limit) {
    }

    /** The record as the events up to {@code asOf} (included) made it. */
    public record FindRecordAsOf(UUID memberId, Instant asOf) {
    }

    /** What the history endpoint answers: a page of the history, or the record at an instant. */
    @Schema(oneOf = {HistoryPage.class, RecordAsOf.class})
    public interface HistoryAnswer {
    }

    /** A page of the history; {@code nextAfter} is the {@code after} of the next page, null on the last one. */
    public record HistoryPage(UUID memberId, List<HistoryEntry> items, Long nextAfter) implements HistoryAnswer {
    }

    /**
     * One change of the member: its sequence in the member's stream, when it happened, who made it (null when
     * unknown), a stable kebab-case name, and the fields it changed.
     */
    public record HistoryEntry(long sequence, Instant at, String actor, String change, List<FieldChange> changes) {
    }

    /**
     * One field, old and new. Nested fields are dotted ({@code notes.<noteId>.text}); a value is null when it was
     * absent, or when it was personal data of an erased member.
     */
    public record FieldChange(String field, @Schema(implementation = Object.class) JsonNode from,
                              @Schema(implementation = Object.class) JsonNode to) {
    }

    /** The record as it was at {@code asOf}; {@code sequence} is that of the last change it includes. */
    public record RecordAsOf(UUID memberId, Instant asOf, long sequence,
                             @Schema(implementation = Object.class) ObjectNode record) implements HistoryAnswer {
    }
}
