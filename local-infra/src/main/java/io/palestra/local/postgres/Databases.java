package io.palestra.local.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.regex.Pattern;

/** Creates databases that are missing on a PostgreSQL server, embedded or external. */
public final class Databases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Databases() {
    }

    /**
     * Creates each database of {@code names} that does not exist yet.
     *
     * @param serverUrl JDBC URL of the server, ending with {@code /}, e.g. {@code jdbc:postgresql://db:5432/}
     * @return how many databases were created
     */
    public static int ensureExist(String serverUrl, String user, String password, Collection<String> names) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password)) {
            int created = 0;
            for (String name : names) {
                if (!SAFE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a database name Palestra creates: " + name);
                }
                if (!exists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + name);
                    }
                    created++;
                }
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the databases on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    /** Drops a database if it exists, closing its connections first. */
    public static void drop(String serverUrl, String user, String password, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a database name Palestra drops: " + name);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
