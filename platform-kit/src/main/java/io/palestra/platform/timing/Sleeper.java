package io.palestra.platform.timing;

import java.time.Instant;
import java.util.UUID;

/** Wakes one kind of aggregate: the command that makes it catch up with the time. */
public interface Sleeper {

    /** A stable name, stored with each wake-up time, e.g. {@code subscription}. */
    String kind();

    /** The command that brings the aggregate up to {@code now}; it sets the next wake-up time itself. */
    Object wakeCommand(UUID aggregateId, Instant now);
}
