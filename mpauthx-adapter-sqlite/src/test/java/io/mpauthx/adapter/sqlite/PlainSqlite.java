package io.mpauthx.adapter.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The file as the sqlite3 shell (or the Node.js original) sees it: plain JDBC, no adapter in between. */
final class PlainSqlite {

    /** The original mpauthx 1.3.2's DDL, verbatim. */
    static final String ORIGINAL_DDL = "CREATE TABLE user(\n"
            + "    openId text primary key not null,\n"
            + "    city text, country text, gender integer, language text, nickName text, province text)";

    private PlainSqlite() {
    }

    static void execute(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** @return every row, each as its columns rendered with {@code String.valueOf} */
    static List<List<String>> query(Path file, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(String.valueOf(result.getObject(column)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** @return the Flyway history as "version type success" lines, in the order applied */
    static List<String> history(Path file) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (List<String> row : query(file, "SELECT version, type, success FROM " + SqliteSchema.HISTORY_TABLE
                + " ORDER BY installed_rank")) {
            lines.add(String.join(" ", row));
        }
        return lines;
    }
}
