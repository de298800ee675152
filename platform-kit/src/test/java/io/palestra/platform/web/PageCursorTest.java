package io.palestra.platform.web;

import io.palestra.platform.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTest {

    @Test
    void readsBackWhatItWrote() {
        PageCursor cursor = new PageCursor("name", "lefevre helene", UUID.randomUUID());

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("lefevre").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesACursorItDidNotWrite() {
        assertThatThrownBy(() -> PageCursor.decode("bm90IGEgY3Vyc29y"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> PageCursor.decode("%%%")).isInstanceOf(InvalidInputException.class);
    }
}
