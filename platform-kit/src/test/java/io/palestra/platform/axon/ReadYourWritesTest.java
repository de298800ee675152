package io.palestra.platform.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When a projection's position counts as having handled an event. */
class ReadYourWritesTest {

    @Test
    void aGapBelowTheEventDoesNotHoldTheReaderBack() {
        // event 7 was rolled back (a lost race): the processor keeps it as a gap, and handled 8, 9 and 10
        GapAwareTrackingToken position = GapAwareTrackingToken.newInstance(10, Set.of(7L));

        assertThat(ReadYourWrites.handled(position, 9)).isTrue();
        assertThat(ReadYourWrites.handled(position, 10)).isTrue();
        assertThat(ReadYourWrites.handled(position, 7)).isFalse();
        assertThat(ReadYourWrites.handled(position, 11)).isFalse();
    }

    @Test
    void aReplayCountsWhereItHasGotTo() {
        GapAwareTrackingToken head = GapAwareTrackingToken.newInstance(100, Set.of());
        GapAwareTrackingToken current = GapAwareTrackingToken.newInstance(40, Set.of());

        assertThat(ReadYourWrites.handled(ReplayToken.createReplayToken(head, current), 40)).isTrue();
        assertThat(ReadYourWrites.handled(ReplayToken.createReplayToken(head, current), 41)).isFalse();
    }
}
