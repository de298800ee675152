package io.palestra.platform.axon;

import io.palestra.platform.KitIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A commit to the event store wakes the processors waiting for events, through PostgreSQL's NOTIFY. */
class EventStoreNotificationsIT extends KitIntegrationTest {

    @Autowired
    EventStoreNotifications notifications;

    @Test
    void aCommittedEventWakesTheListeners() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        try (AutoCloseable subscription = notifications.onEventsAppended(woken::incrementAndGet)) {
            assertThat(woken).hasValue(0);

            openClub("Notified club");

            await().atMost(Duration.ofSeconds(10)).until(() -> woken.get() > 0);
        }
    }
}
