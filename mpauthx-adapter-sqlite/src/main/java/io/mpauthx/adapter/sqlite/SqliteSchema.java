package io.mpauthx.adapter.sqlite;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Brings a database file to the current schema with Flyway, adopting databases of the Node.js original; or, for a
 * file opened read-only, checks that it already has that schema.
 */
final class SqliteSchema {

    /** Beside the code, under this package's name, so an application's own {@code db/migration} never mixes in. */
    static final String MIGRATIONS = "classpath:io/mpauthx/adapter/sqlite/migration";
    /** Our own history table, so an application running its own Flyway on the same file is not disturbed. */
    static final String HISTORY_TABLE = "mpauthx_schema_history";

    /** The columns of the {@code user} table the repository reads, as the migrations leave them. */
    static final List<String> USER_COLUMNS = List.of("openId", "nickName", "gender", "language", "city", "province",
            "country", "avatarUrl", "createdAt", "updatedAt", "phoneNumber", "purePhoneNumber", "phoneCountryCode");

    /** V1 is exactly the original's table: a file that has it already is at V1. */
    private static final String ORIGINAL_VERSION = "1";
    /** A file with other tables but not ours still needs V1, so it is baselined below it. */
    private static final String BEFORE_ORIGINAL_VERSION = "0";

    private SqliteSchema() {
    }

    /**
     * Migrates the file to the latest version. Without a history table, a non-empty file is baselined: at V1 when
     * it holds the original's {@code user} table, else at V0 so that V1 still creates it. An empty file simply runs
     * every migration.
     *
     * @param files where Flyway gets its connections
     * @param probe an open connection to the same file, to look for the original's table
     * @return how many migrations ran
     */
    static int migrate(DataSource files, Connection probe) throws SQLException {
        String baseline = hasOriginalTable(probe) ? ORIGINAL_VERSION : BEFORE_ORIGINAL_VERSION;
        MigrateResult result = Flyway.configure(SqliteSchema.class.getClassLoader())
                .dataSource(files)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion(baseline)
                .baselineDescription("database of the Node.js mpauthx")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** What a read of the original's table selects in place of the columns later versions added. */
    private static final Map<String, String> ADDED_COLUMNS_AS_READ_FROM_THE_ORIGINAL =
            Map.of("avatarUrl", "NULL AS avatarUrl", "createdAt", "0 AS createdAt", "updatedAt", "0 AS updatedAt",
                    "phoneNumber", "NULL AS phoneNumber", "purePhoneNumber", "NULL AS purePhoneNumber",
                    "phoneCountryCode", "NULL AS phoneCountryCode");

    /**
     * The columns a read selects from the file as it is: the current table's, or the Node.js original's with the
     * later columns read as absent (no avatar, times at the epoch), so that a database of the original can be read
     * without migrating it.
     *
     * @param connection a connection to the file, which may be read-only
     * @return the select list, or why the file holds no user table that can be read
     */
    static ReadableTable readableColumns(Connection connection) throws SQLException {
        if (!hasOriginalTable(connection)) {
            return ReadableTable.refused("it holds no table named user, so it is no mpauthx user database");
        }
        Set<String> present = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM pragma_table_info('user')");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                present.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        List<String> select = new ArrayList<>();
        for (String column : USER_COLUMNS) {
            boolean here = present.contains(column.toLowerCase(Locale.ROOT));
            String standIn = ADDED_COLUMNS_AS_READ_FROM_THE_ORIGINAL.get(column);
            if (!here && standIn == null) {
                return ReadableTable.refused("its user table lacks the column " + column
                        + ", which even the Node.js mpauthx had");
            }
            select.add(here ? column : standIn);
        }
        return ReadableTable.readable(String.join(", ", select));
    }

    /**
     * What {@link #readableColumns} found: the select list, or why there is none.
     *
     * @param columns the select list, or null
     * @param refusal why the file cannot be read, or null
     */
    record ReadableTable(String columns, String refusal) {
        static ReadableTable readable(String columns) {
            return new ReadableTable(columns, null);
        }

        static ReadableTable refused(String why) {
            return new ReadableTable(null, why);
        }
    }

    private static boolean hasOriginalTable(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'user'");
             ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }
}
