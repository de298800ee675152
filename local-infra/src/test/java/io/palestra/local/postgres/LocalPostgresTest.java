package io.palestra.local.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPostgresTest {

    @TempDir
    Path data;

    @Test
    void keepsDatabasesAndRowsAcrossARestart() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, LocalPostgres.Mode.DURABLE)) {
            assertThat(Databases.ensureExist(postgres.serverUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD,
                    List.of("members", "billing"))).isEqualTo(2);
            execute(postgres.jdbcUrl("members"), "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }

        try (LocalPostgres postgres = LocalPostgres.start(data, 0, LocalPostgres.Mode.DURABLE)) {
            assertThat(Databases.ensureExist(postgres.serverUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD,
                    List.of("members", "billing", "bookings"))).isEqualTo(1);
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("members"),
                    LocalPostgres.USER, LocalPostgres.PASSWORD);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void aDurableServerSyncsEveryCommitToDisk() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, LocalPostgres.Mode.DURABLE)) {
            assertThat(setting(postgres, "fsync")).isEqualTo("on");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void aThrowawayServerDoesNot() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, LocalPostgres.Mode.THROWAWAY)) {
            assertThat(setting(postgres, "fsync")).isEqualTo("off");
        }
    }

    private static String setting(LocalPostgres postgres, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                LocalPostgres.USER, LocalPostgres.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void refusesANameItWouldHaveToQuote() {
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, LocalPostgres.Mode.THROWAWAY)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Databases.ensureExist(postgres.serverUrl(),
                            LocalPostgres.USER, LocalPostgres.PASSWORD, List.of("members; DROP DATABASE postgres")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
