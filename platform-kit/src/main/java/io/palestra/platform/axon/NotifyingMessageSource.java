package io.palestra.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as streaming processors read it: straight from the storage engine (upcast and deserialized there),
 * with streams that say when new events were committed (see {@link EventStoreNotifications}).
 *
 * <p>Why not the embedded event store's own streams: they do not support availability callbacks, so a pooled
 * streaming processor polls them every 500 ms, which every write then waits for its projection; and a callback on
 * them would race the store's own fetching thread. Reading the storage engine, each check after a notification sees
 * the committed events.
 */
class NotifyingMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final EventStoreNotifications notifications;

    NotifyingMessageSource(EventStorageEngine storage, EventStoreNotifications notifications) {
        this.storage = storage;
        this.notifications = notifications;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(storage.readEvents(trackingToken, false));
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return storage.createTokenAt(Instant.now().minus(duration));
    }

    /**
     * Reads the storage engine's stream, which fetches the next batch from the database whenever it runs dry; waits
     * for a notification rather than polling when asked to block.
     */
    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Stream<? extends TrackedEventMessage<?>> events;
        private final Iterator<? extends TrackedEventMessage<?>> iterator;
        private final AutoCloseable subscription;
        private final Object appended = new Object();
        private volatile Runnable callback;
        private TrackedEventMessage<?> peeked;

        private NotifyingStream(Stream<? extends TrackedEventMessage<?>> events) {
            this.events = events;
            this.iterator = events.iterator();
            this.subscription = notifications.onEventsAppended(this::eventsAppended);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            return fetch() ? Optional.of(peeked) : Optional.empty();
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!fetch()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (appended) {
                    TimeUnit.NANOSECONDS.timedWait(appended, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
                }
            }
            return true;
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // keep waiting: the caller asked to block until an event arrives
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        @Override
        public void close() {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // removing a listener from a set cannot fail
            }
            events.close();
        }

        private boolean fetch() {
            if (peeked == null && iterator.hasNext()) {
                peeked = iterator.next();
            }
            return peeked != null;
        }

        private void eventsAppended() {
            synchronized (appended) {
                appended.notifyAll();
            }
            Runnable toCall = callback;
            if (toCall != null) {
                toCall.run();
            }
        }
    }
}
