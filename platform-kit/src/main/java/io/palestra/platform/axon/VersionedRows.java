package io.palestra.platform.axon;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The rows of a projection table that keeps, in a {@code version} column, the sequence number of the last event of
 * its aggregate applied to it: an event changes its row once, and a redelivered or replayed event older than the row
 * changes nothing. Table and column names are the projection's constants, never input.
 */
public final class VersionedRows {

    private final JdbcClient jdbc;
    private final String table;
    private final String idColumn;

    public VersionedRows(JdbcClient jdbc, String table, String idColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.idColumn = idColumn;
    }

    /**
     * Sets {@code assignments} (e.g. {@code "status = ?, ended_at = ?"}, with {@code values} for their parameters) on
     * the row of {@code id}, if the event at {@code version} is newer than the row.
     *
     * @return whether the row changed
     */
    public boolean change(UUID id, long version, String assignments, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(version, id, version));
        return jdbc.sql("UPDATE " + table + " SET " + assignments + ", version = ? WHERE " + idColumn + " = ? "
                + "AND version < ?").params(params).update() == 1;
    }
}
