package io.mpauthx.adapter.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** A fixed set of read-only connections handed out one caller at a time. */
final class ReaderPool {

    /** Waiters look at the closed flag this often, so closing never leaves a caller waiting out its timeout. */
    private static final long WAIT_SLICE_MILLIS = 50;

    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    private ReaderPool(int size) {
        this.idle = new ArrayBlockingQueue<>(size);
    }

    static ReaderPool open(DataSource files, int size) throws SQLException {
        ReaderPool pool = new ReaderPool(size);
        try {
            for (int i = 0; i < size; i++) {
                pool.idle.add(readOnly(files.getConnection()));
            }
            return pool;
        } catch (SQLException e) {
            pool.close();
            throw e;
        }
    }

    private static Connection readOnly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = true");
            return connection;
        } catch (SQLException e) {
            SqliteDatabase.closeQuietly(connection);
            throw e;
        }
    }

    /**
     * @param timeout how long to wait for a free connection
     * @return a connection, or empty when none came free in time or the pool closed meanwhile
     */
    Optional<Connection> borrow(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!closed && System.nanoTime() - deadline < 0) {
                Connection reader = idle.poll(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
                if (reader != null) {
                    return Optional.of(reader);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Takes a borrowed connection back; closes it when the pool closed while it was out. */
    void giveBack(Connection reader) {
        idle.add(reader);
        if (closed) {
            closeIdle();
        }
    }

    /** Closes the idle connections at once and borrowed ones as they come back. Idempotent. */
    void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        for (Connection reader = idle.poll(); reader != null; reader = idle.poll()) {
            SqliteDatabase.closeQuietly(reader);
        }
    }
}
