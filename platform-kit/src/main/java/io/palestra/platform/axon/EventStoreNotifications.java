package io.palestra.platform.axon;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Listens, on one connection, to the notification a trigger sends when events are committed to the event store (by
 * this instance or any other), and wakes the streaming processors waiting for events. Without it a pooled streaming
 * processor reading Axon's JDBC event store polls every 500 ms, which is the latency every write would wait for its
 * projection. On every (re)connection all listeners are woken once, in case notifications were missed meanwhile.
 */
class EventStoreNotifications implements SmartLifecycle {

    static final String CHANNEL = "palestra_events";
    private static final Logger log = LoggerFactory.getLogger(EventStoreNotifications.class);

    private final DataSource dataSource;
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private volatile boolean running;
    private Thread thread;

    EventStoreNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Wakes {@code listener} after each commit of events; closing the answer stops that. */
    AutoCloseable onEventsAppended(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "event-store-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon's processors start, after they stop. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                wakeAll();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        wakeAll();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the event store notifications ({}); processors poll until they are back",
                            e.getMessage());
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            }
        }
    }

    private void wakeAll() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A listener of event store notifications failed", e);
            }
        }
    }
}
