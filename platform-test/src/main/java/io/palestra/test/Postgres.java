package io.palestra.test;

/** A PostgreSQL server the tests may create databases on. */
public record Postgres(String serverUrl, String user, String password) {

    public String jdbcUrl(String database) {
        return serverUrl + database;
    }
}
