package io.mpauthx.adapter.sqlite;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
            "country", "avatarUrl", "createdAt", "updatedAt");

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

    /**
     * @param connection a connection to the file, which may be read-only
     * @return why the file cannot be read as an mpauthx user database without migrating it; empty if it can
     */
    static Optional<String> whyNotReadable(Connection connection) throws SQLException {
        if (!hasOriginalTable(connection)) {
            return Optional.of("it holds no table named user, so it is no mpauthx user database");
        }
        Set<String> present = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM pragma_table_info('user')");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                present.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        List<String> missing = USER_COLUMNS.stream()
                .filter(column -> !present.contains(column.toLowerCase(Locale.ROOT))).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("its user table lacks the columns " + String.join(", ", missing)
                + " (a database of the Node.js mpauthx gets them when the library first opens it for writing)");
    }

    private static boolean hasOriginalTable(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'user'");
             ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }
}
