package io.palestra.platform.axon;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;
import java.util.UUID;

/**
 * What the service's own event store holds about an aggregate, read in the caller's transaction: whether a command
 * creating an aggregate under a derived id (a session of a schedule's day, a pass sold on an invoice line) already
 * ran, and of which type an aggregate is.
 */
public class StoredAggregates {

    private final JdbcClient jdbc;

    public StoredAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the aggregate has at least one event. */
    public boolean exists(UUID aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(aggregateId.toString()).query(Long.class).single() > 0;
    }

    /** The aggregate's type as Axon stores it (the class's simple name), if it has events. */
    public Optional<String> type(UUID aggregateId) {
        return jdbc.sql("SELECT type FROM domainevententry WHERE aggregateidentifier = ? LIMIT 1")
                .param(aggregateId.toString()).query(String.class).optional();
    }
}
