package io.palestra.platform.timing;

import java.time.Instant;
import java.util.UUID;

/**
 * When an aggregate must next act on its own (an installment falls due, a pause begins, a pass expires). A command
 * handler sets it as its last step, in the command's transaction, so the time is stored with the events or not at
 * all: a restart loses none and a rolled-back command leaves none. {@link WakeupPoller} sends the aggregate its
 * {@link Sleeper#wakeCommand wake command} once the time has come.
 */
public interface Wakeups {

    /**
     * @param kind        the {@link Sleeper#kind()} that knows how to wake the aggregate
     * @param aggregateId the aggregate
     * @param at          when to wake it; null: never (forget any earlier time)
     */
    void wakeAt(String kind, UUID aggregateId, Instant at);
}
