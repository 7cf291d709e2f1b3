package io.mpauthx.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The superuser's way into a {@link LocalPostgres}, through plain {@code java.sql} (the PostgreSQL driver is a
 * run-time dependency of the testkit): to see whether the server answers, and to create roles and databases.
 */
final class AdminConnection {

    /** Short, so that a poll for a server still starting never waits long on one attempt. */
    private static final String TIMEOUTS = "connectTimeout=2&loginTimeout=2&socketTimeout=10";

    private AdminConnection() {
    }

    /** @return true if the server accepts the superuser's connections and answers on them right now */
    static boolean answers(String host, int port) {
        try (Connection connection = open(host, port, "postgres")) {
            return connection.isValid(2);
        } catch (SQLException notYet) {
            return false;
        }
    }

    /**
     * Runs statements one by one, each in a transaction of its own (as {@code CREATE DATABASE} must be).
     *
     * @param database the database to run them in
     * @param statements SQL without parameters, from the fixture itself
     */
    static void execute(String host, int port, String database, String... statements) {
        try (Connection connection = open(host, port, database);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL on " + host + ":" + port + " refused: " + e.getMessage(),
                    e);
        }
    }

    private static Connection open(String host, int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database
                + "?user=" + DataTemplate.SUPERUSER + "&" + TIMEOUTS);
    }
}
