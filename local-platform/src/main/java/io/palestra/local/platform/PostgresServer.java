package io.palestra.local.platform;

import io.palestra.local.postgres.Databases;
import io.palestra.local.postgres.LocalPostgres;

import java.util.Arrays;
import java.util.List;

/** The PostgreSQL server the services use: the embedded one, durable, in the data directory, or an external one. */
final class PostgresServer implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final LocalPostgres embedded;

    private PostgresServer(String serverUrl, String user, String password, LocalPostgres embedded) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static PostgresServer start(Settings settings) {
        if (settings.embeddedPostgres()) {
            LocalPostgres server = LocalPostgres.start(settings.dataDirectory().resolve("postgres"),
                    settings.ports().postgres(), LocalPostgres.Mode.DURABLE);
            return new PostgresServer(server.serverUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD, server);
        }
        return new PostgresServer(settings.externalPostgresUrl(), settings.postgresUser(),
                settings.postgresPassword(), null);
    }

    /**
     * Creates the services' databases that are missing. A fresh start on an external server drops them first: the
     * embedded server's files are simply wiped instead.
     *
     * @return how many databases were created
     */
    int prepareDatabases(boolean fresh) {
        List<String> names = Arrays.stream(Service.values()).map(Service::database).toList();
        if (fresh && embedded == null) {
            names.forEach(name -> Databases.drop(serverUrl, user, password, name));
        }
        return Databases.ensureExist(serverUrl, user, password, names);
    }

    String serverUrl() {
        return serverUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String description() {
        return embedded != null ? "embedded PostgreSQL on port " + embedded.port() : "PostgreSQL at " + serverUrl;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
