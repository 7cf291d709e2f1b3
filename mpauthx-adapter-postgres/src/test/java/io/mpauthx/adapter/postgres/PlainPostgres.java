package io.mpauthx.adapter.postgres;

import io.mpauthx.testkit.postgres.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Databases of a test server seen without the adapter: plain JDBC as the test user, to set up and to check. */
final class PlainPostgres {

    /** Exactly the original's table, as a tool that kept its shape would have created it in PostgreSQL. */
    static final String ORIGINAL_DDL = "CREATE TABLE \"user\"(\"openId\" text primary key not null, city text,"
            + " country text, gender integer, language text, \"nickName\" text, province text)";

    private final LocalPostgres server;
    private final String database;

    private PlainPostgres(LocalPostgres server, String database) {
        this.server = server;
        this.database = database;
    }

    /** @return a new, empty database of the server */
    static PlainPostgres freshDatabase(LocalPostgres server) {
        return new PlainPostgres(server, server.createDatabase());
    }

    String name() {
        return database;
    }

    String jdbcUrl() {
        return server.jdbcUrl(database);
    }

    /** @return settings for this database as the test user, with a short connect timeout */
    PostgresSettings.Builder settings() {
        return PostgresSettings.builder().jdbcUrl(jdbcUrl()).user(server.user()).password(server.password());
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** @return every row, each column as text (null as null) */
    List<List<String>> query(String sql) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<List<String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    /** @return the single number the query answers, such as a count */
    long number(String sql) throws SQLException {
        return Long.parseLong(query(sql).get(0).get(0));
    }

    /** @return as {@link #number(String)}, for conditions awaited */
    long numberNow(String sql) {
        try {
            return number(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** @return the migration history of the schema: version, type and success of each row, in order */
    List<String> history(String schema) throws SQLException {
        return query("SELECT coalesce(version, '-'), type, success FROM \"" + schema + "\"."
                + PostgresSchema.HISTORY_TABLE + " ORDER BY installed_rank").stream()
                .map(row -> String.join(" ", row)).toList();
    }

    /** @return a new connection as the test user, for a test that holds one open */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), server.user(), server.password());
    }
}
