package io.palestra.local.platform;

import io.palestra.local.issuer.DevTokenIssuer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartedPartsTest {

    private final List<String> printed = new ArrayList<>();
    private final StartedParts parts = new StartedParts(new Output(printed::add, false));

    @Test
    void keepsWhatStartedForTheShutdown() {
        try (DevTokenIssuer issuer = DevTokenIssuer.start(0)) {
            parts.add(issuer);

            assertThat(parts.issuer()).isSameAs(issuer);
            assertThat(PortCheck.isFree(issuer.port())).isFalse();
        }
    }

    @Test
    void stopsWhatFinishesStartingOnceStoppingBegan() {
        DevTokenIssuer issuer = DevTokenIssuer.start(0);
        parts.beginStopping();

        assertThatThrownBy(() -> parts.add(issuer)).isInstanceOf(StartupCancelled.class);

        assertThat(PortCheck.isFree(issuer.port())).isTrue();
        assertThat(parts.issuer()).isNull();
    }
}
