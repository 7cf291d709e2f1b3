package io.mpauthx.adapter.sqlite;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/** How the adapter connects to a file: to serve an application, or only to read it. */
final class SqliteConnections {

    private SqliteConnections() {
    }

    /**
     * @param file the database file, created when missing
     * @param busyTimeout how long a statement waits for another process's lock
     * @return connections in WAL mode with {@code synchronous = FULL}
     */
    static DataSource writable(Path file, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and the port promises
        // that a write is durable once the call returns. See docs/sqlite.md.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        return connections(file, config, busyTimeout);
    }

    /**
     * @param file the database file, which must exist: SQLite's read-only mode never creates one
     * @param busyTimeout how long a statement waits for another process's lock
     * @return connections in SQLite's read-only mode, the journal mode left as the file has it (setting it writes)
     */
    static DataSource readOnly(Path file, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return connections(file, config, busyTimeout);
    }

    private static DataSource connections(Path file, SQLiteConfig config, Duration busyTimeout) {
        config.setBusyTimeout((int) busyTimeout.toMillis());
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }
}
