package io.mpauthx.cli;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * What a SQLite file holds, to show a command left it as it was: its bytes (as a digest), its tables and its journal
 * mode. Read through a read-only connection, so that looking changes nothing either.
 */
record SqliteFileState(String sha256, List<String> tables, String journalMode) {

    static SqliteFileState of(Path file) throws IOException, SQLException {
        String digest = sha256(Files.readAllBytes(file));
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        Properties properties = readOnly.toProperties();
        try (Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, properties);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                mode.next();
                return new SqliteFileState(digest, List.copyOf(tables), mode.getString(1));
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
