package io.mpauthx.adapter.postgres;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Brings the configured PostgreSQL schema to the current version with Flyway, adopting a {@code "user"} table of the
 * original's shape that some earlier tool created there, and refusing to touch a {@code "user"} table of anyone
 * else's.
 */
final class PostgresSchema {

    /** Beside the code, under this package's name, so an application's own {@code db/migration} never mixes in. */
    static final String MIGRATIONS = "classpath:io/mpauthx/adapter/postgres/migration";
    /** Our own history table, so an application running its own Flyway in the same schema is not disturbed. */
    static final String HISTORY_TABLE = "mpauthx_schema_history";
    /** The columns of the original's table, which V1 creates: a table that has them is at V1. */
    static final List<String> ORIGINAL_COLUMNS = List.of("openId", "city", "country", "gender", "language",
            "nickName", "province");

    /** V1 is exactly the original's table: a schema that has it already is at V1. */
    private static final String ORIGINAL_VERSION = "1";
    /** A schema with other tables but not ours still needs V1, so it is baselined below it. */
    private static final String BEFORE_ORIGINAL_VERSION = "0";

    private PostgresSchema() {
    }

    /**
     * Migrates the schema, creating it when missing. Without our history table, a schema with tables is baselined:
     * at V1 when it holds the original's {@code "user"} table, else at V0 so that V1 still creates it.
     *
     * <p>Instances opening at once take turns, each holding a transaction-scoped advisory lock from its look at
     * the schema to the end of its migration: Flyway's own lock comes later, after it has decided to baseline, so
     * one instance would otherwise baseline the history table another has just created.
     *
     * @param connections where Flyway gets its connections; three are in use at once
     * @param schema the schema's name, already validated
     * @return how many migrations ran
     * @throws SQLException when the schema holds a {@code "user"} table that is not the original's
     */
    static int migrate(DataSource connections, String schema) throws SQLException {
        try (Connection turn = connections.getConnection()) {
            boolean autoCommit = turn.getAutoCommit();
            turn.setAutoCommit(false);
            try {
                waitForTurn(turn, schema);
                String baseline = hasOriginalTable(turn, schema) ? ORIGINAL_VERSION : BEFORE_ORIGINAL_VERSION;
                return flyway(connections, schema, baseline).migrate().migrationsExecuted;
            } finally {
                turn.rollback(); // ends the transaction, and the turn with it; nothing was written on it
                turn.setAutoCommit(autoCommit);
            }
        }
    }

    private static void waitForTurn(Connection turn, String schema) throws SQLException {
        try (PreparedStatement lock = turn.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
            lock.setString(1, HISTORY_TABLE);
            lock.setString(2, schema);
            lock.execute();
        }
    }

    private static Flyway flyway(DataSource connections, String schema, String baseline) {
        return Flyway.configure(PostgresSchema.class.getClassLoader())
                .dataSource(connections)
                .locations(MIGRATIONS)
                .schemas(schema)
                .defaultSchema(schema)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion(baseline)
                .baselineDescription("user table of the original mpauthx")
                .load();
    }

    /**
     * @return true when the schema holds a {@code "user"} table with the original's columns; false when it holds
     *     none
     * @throws SQLException when it holds one without them (an application's own, or one created with unquoted,
     *     hence lower-case, column names), which the migrations must not change
     */
    private static boolean hasOriginalTable(Connection connection, String schema) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = 'user'")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        if (columns.isEmpty()) {
            return false;
        }
        List<String> missing = ORIGINAL_COLUMNS.stream().filter(column -> !columns.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new SQLException("schema " + schema + " already holds a table \"user\" that is not mpauthx's: it"
                    + " lacks the columns " + missing + " (names are case-sensitive); choose another schema");
        }
        return true;
    }

    /** The columns of the user table at the newest migration, quoted as the statements name them. */
    static final List<String> CURRENT_COLUMNS = List.of("\"openId\"", "\"nickName\"", "gender", "language", "city",
            "province", "country", "\"avatarUrl\"", "\"createdAt\"", "\"updatedAt\"", "\"phoneNumber\"",
            "\"purePhoneNumber\"", "\"phoneCountryCode\"");

    /** What a read of the original's table selects in place of the columns V2 and V3 added. */
    private static final Map<String, String> ADDED_BY_V2 = Map.of("\"avatarUrl\"", "NULL AS \"avatarUrl\"",
            "\"createdAt\"", "'epoch'::timestamptz AS \"createdAt\"",
            "\"updatedAt\"", "'epoch'::timestamptz AS \"updatedAt\"",
            "\"phoneNumber\"", "NULL AS \"phoneNumber\"", "\"purePhoneNumber\"", "NULL AS \"purePhoneNumber\"",
            "\"phoneCountryCode\"", "NULL AS \"phoneCountryCode\"");

    /**
     * The select list of reads without migrating: the current table's columns, or the Node.js original's with the
     * later ones read as absent (no avatar, times at the epoch).
     *
     * @throws IllegalStateException naming what is missing when the schema holds no user table that can be read
     */
    static String readableColumns(DataSource connections, String schema) throws SQLException {
        List<String> present = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT column_name FROM"
                     + " information_schema.columns WHERE table_schema = ? AND table_name = 'user'")) {
            query.setString(1, schema);
            try (ResultSet columns = query.executeQuery()) {
                while (columns.next()) {
                    present.add("\"" + columns.getString(1) + "\"");
                }
            }
        }
        if (present.isEmpty()) {
            throw new IllegalStateException("no \"user\" table of mpauthx in this schema");
        }
        List<String> select = new ArrayList<>();
        for (String column : CURRENT_COLUMNS) {
            boolean here = present.contains(column.startsWith("\"") ? column : "\"" + column + "\"");
            if (!here && !ADDED_BY_V2.containsKey(column)) {
                throw new IllegalStateException("the \"user\" table lacks the column " + column
                        + ", which even the Node.js mpauthx had");
            }
            select.add(here ? column : ADDED_BY_V2.get(column));
        }
        return String.join(", ", select);
    }
}
