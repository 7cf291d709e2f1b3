package io.mpauthx.adapter.sqlite;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Brings a database file to the current schema with Flyway, adopting databases of the Node.js original. */
final class SqliteSchema {

    /** Beside the code, under this package's name, so an application's own {@code db/migration} never mixes in. */
    static final String MIGRATIONS = "classpath:io/mpauthx/adapter/sqlite/migration";
    /** Our own history table, so an application running its own Flyway on the same file is not disturbed. */
    static final String HISTORY_TABLE = "mpauthx_schema_history";

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

    private static boolean hasOriginalTable(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'user'");
             ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }
}
