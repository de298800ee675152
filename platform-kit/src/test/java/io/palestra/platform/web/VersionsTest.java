package io.palestra.platform.web;

import io.palestra.platform.errors.PreconditionFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void anEtagIsTheQuotedVersion() {
        assertThat(Versions.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void readsTheVersionOfAStrongOrWeakEtag() {
        assertThat(Versions.expected("\"3\"")).isEqualTo(3L);
        assertThat(Versions.expected(" W/\"12\" ")).isEqualTo(12L);
    }

    @Test
    void anAbsentOrWildcardIfMatchExpectsNoVersion() {
        assertThat(Versions.expected(null)).isNull();
        assertThat(Versions.expected("")).isNull();
        assertThat(Versions.expected("*")).isNull();
    }

    @Test
    void refusesWhatIsNotOneOfOurEtags() {
        assertThatThrownBy(() -> Versions.expected("3")).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> Versions.expected("\"abc\"")).isInstanceOf(PreconditionFailedException.class);
    }
}
