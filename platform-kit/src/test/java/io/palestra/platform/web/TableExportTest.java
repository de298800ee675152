package io.palestra.platform.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A list exported page by page: every kept item once, in order, and no page read past the short one. */
class TableExportTest {

    @Test
    void pagesAreReadUntilAShortOneAndOnlyKeptItemsAreWritten() {
        List<Integer> list = IntStream.rangeClosed(1, 7).boxed().toList();
        List<String> reads = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        TableExport.paged(3, (limit, offset) -> {
            reads.add(limit + "@" + offset);
            return list.subList(Math.min(offset, list.size()), Math.min(offset + limit, list.size()));
        }, item -> item % 2 == 1, item -> List.of(item, "n" + item)).each(rows::add);

        assertThat(reads).containsExactly("3@0", "3@3", "3@6");
        assertThat(rows).containsExactly(List.of(1, "n1"), List.of(3, "n3"), List.of(5, "n5"), List.of(7, "n7"));
    }

    @Test
    void aListThatFillsItsLastPageIsReadOnceMoreAndEndsThere() {
        List<String> reads = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        TableExport.paged(2, (limit, offset) -> {
            reads.add(limit + "@" + offset);
            return offset < 4 ? List.of("a" + offset, "b" + offset) : List.<String>of();
        }, item -> true, item -> List.of(item)).each(rows::add);

        assertThat(reads).containsExactly("2@0", "2@2", "2@4");
        assertThat(rows).hasSize(4);
    }
}
