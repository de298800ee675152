package io.palestra.subscription;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import java.util.ArrayList;
import java.util.List;

/** The events an aggregate applies for a command, after a history of commands, for AssertJ to look at. */
public final class FixtureEvents {

    private FixtureEvents() {
    }

    /** Runs {@code command} after {@code history} (commands), which must succeed; the payloads it applied. */
    public static List<Object> events(AggregateTestFixture<?> fixture, Object command, Object... history) {
        List<Object> payloads = new ArrayList<>();
        (history.length == 0 ? fixture.givenNoPriorActivity() : fixture.givenCommands(history)).when(command)
                .expectSuccessfulHandlerExecution().expectEventsMatching(new BaseMatcher<List<EventMessage<?>>>() {
                    @Override
                    public boolean matches(Object actual) {
                        ((List<?>) actual).forEach(event -> payloads.add(((EventMessage<?>) event).getPayload()));
                        return true;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("any events");
                    }
                });
        return payloads;
    }
}
