package io.palestra.members.member;

import io.palestra.platform.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberCursorTest {

    @Test
    void readsBackWhatItWrote() {
        MemberCursor cursor = new MemberCursor("name", "lefevre helene", UUID.randomUUID());

        assertThat(MemberCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("lefevre").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesACursorItDidNotWrite() {
        assertThatThrownBy(() -> MemberCursor.decode("bm90IGEgY3Vyc29y"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> MemberCursor.decode("%%%")).isInstanceOf(InvalidInputException.class);
    }
}
