package io.palestra.booking.session;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * How class sessions are stored: snapshotted every {@code palestra.bookings.snapshot-every} events (50), on a thread
 * of its own. Axon's snapshotter would otherwise take the snapshot in the committing command's thread, which still
 * holds the session's lock and asks the pool for a second connection: with every connection held by requests waiting
 * for that lock, a rush deadlocks. A snapshot skipped because the queue is full is taken at the next trigger.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String SNAPSHOTS = "classSessionSnapshots";

    @Bean(SNAPSHOTS)
    SnapshotTriggerDefinition classSessionSnapshots(Snapshotter snapshotter,
                                                    @Value("${palestra.bookings.snapshot-every:50}") int every) {
        ThreadPoolExecutor snapshots = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(100), runnable -> {
                    Thread thread = new Thread(runnable, "session-snapshots");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        Snapshotter elsewhere = (type, id) -> snapshots.execute(() -> snapshotter.scheduleSnapshot(type, id));
        return new EventCountSnapshotTriggerDefinition(elsewhere, every);
    }
}
