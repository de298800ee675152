package io.palestra.members.imports;

import io.palestra.platform.errors.InvalidInputException.InvalidField;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the import endpoints answer. */
final class ImportViews {

    private ImportViews() {
    }

    /**
     * An import and its progress. {@code status}: running, completed, undoing, undone, failed; {@code processed} of
     * {@code total} lines are done.
     */
    record ImportView(UUID id, String fileName, UUID siteId, String status, int total, int processed, int created,
                      int matched, int invalid, int undone, int kept, String startedBy, Instant startedAt,
                      Instant finishedAt, String undoneBy, Instant undoneAt, String failure) {
    }

    /**
     * What became (or, in a dry run, would become) of one line: {@code outcome} create / created, match / matched,
     * invalid, undone or kept (not undone: changed since, e.g. merged); {@code matchedBy}: email, phone,
     * same-file or earlier-import.
     */
    record RowView(int line, String outcome, UUID memberId, String memberCode, String matchedBy,
                   List<InvalidField> problems) {
    }

    /** A dry run: nothing was changed. */
    record DryRun(int total, int create, int match, int invalid, List<RowView> rows) {
    }

    /** A page of an import's lines. */
    record RowPage(List<RowView> items, Integer nextAfter) {
    }
}
