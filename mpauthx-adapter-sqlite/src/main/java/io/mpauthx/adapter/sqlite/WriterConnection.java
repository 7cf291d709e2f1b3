package io.mpauthx.adapter.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The one writer connection of a database: opened when needed, thrown away after a failure that may have spoilt
 * it, so that the next write starts on a fresh one. Used only with the writer lock held.
 */
final class WriterConnection {

    /** SQLite's primary result codes after which a connection may stay unable to write. */
    private static final Set<Integer> STALE_CODES = Set.of(8 /* READONLY */, 10 /* IOERR */, 14 /* CANTOPEN */);

    private static final Logger LOG = LoggerFactory.getLogger(WriterConnection.class);

    private final DataSource files;
    /** Null until the first write, and after a discard. */
    private Connection connection;

    /**
     * @param files where a new connection comes from
     * @param opened the connection to start with; null to open one at the first write
     */
    WriterConnection(DataSource files, Connection opened) {
        this.files = files;
        this.connection = opened;
    }

    /** @return the connection, opened now if there is none */
    Connection get() throws SQLException {
        if (connection == null) {
            connection = files.getConnection();
        }
        return connection;
    }

    /**
     * A connection that once found the file read-only keeps treating it so (SQLite remembers it per connection),
     * and one that met an I/O error may hold a dead file handle: the next write opens a new one, so that the
     * repository recovers by itself once the file can be written again.
     *
     * @param failure what a write or commit on this connection threw
     */
    void discardIfStale(SQLException failure) {
        if (STALE_CODES.contains(failure.getErrorCode() & 0xff)) {
            LOG.debug("SQLite writer connection discarded after error code {}; the next write opens a new one",
                    failure.getErrorCode());
            discard();
        }
    }

    /**
     * Closes the connection; the next write opens a new one. Closing also ends, without committing, a transaction
     * that could not be rolled back.
     */
    void discard() {
        SqliteDatabase.closeQuietly(connection);
        connection = null;
    }
}
