package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * One SQLite file and its connections: a single writer behind a lock, so our own writes never meet
 * {@code SQLITE_BUSY}, committing the writes that queue behind one another together ({@link GroupCommit}), and a
 * few readers that WAL lets run beside it. The busy timeout covers other processes on
 * the same file. Every failure leaves here as {@link MpAuthXException} 6000 naming the file, logged once.
 */
final class SqliteDatabase implements AutoCloseable {

    /** How long a statement waits for another process's lock, and a call for our writer or a reader. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    /** Reads are rare (refresh, admin listing); a few connections keep them off the writer's path. */
    static final int READER_CONNECTIONS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    /** Work on a connection; its {@link SQLException} becomes a 6000 failure. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Path file;
    /** Guarded by {@link #writerLock}. */
    private final WriterConnection writer;
    private final ReentrantLock writerLock = new ReentrantLock();
    private final GroupCommit groupCommit;
    private final ReaderPool readers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String userColumns = String.join(", ", SqliteSchema.USER_COLUMNS);

    private SqliteDatabase(Path file, WriterConnection writer, ReaderPool readers) {
        this.file = file;
        this.writer = writer;
        this.groupCommit = new GroupCommit();
        this.readers = readers;
    }

    /**
     * Creates the file and its folders when missing, checks that it can be written and migrates it.
     *
     * @throws MpAuthXException 6000 naming the file when any of that fails
     */
    static SqliteDatabase open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        DataSource files = SqliteConnections.writable(absolute, BUSY_TIMEOUT);
        Connection writer = null;
        ReaderPool readers = null;
        try {
            createParentFolders(absolute);
            writer = files.getConnection();
            refuseReadOnly(writer);
            int applied = SqliteSchema.migrate(files, writer);
            readers = ReaderPool.open(files, READER_CONNECTIONS);
            LOG.debug("SQLite user database {} open, {} migration(s) applied", absolute, applied);
            return new SqliteDatabase(absolute, new WriterConnection(files, writer), readers);
        } catch (SQLException | IOException | FlywayException e) {
            closeQuietly(writer);
            if (readers != null) {
                readers.close();
            }
            throw cannotOpen(absolute, e);
        }
    }

    /**
     * Opens an existing file for reading only, in SQLite's read-only mode, without migrating it or setting its
     * journal mode: the file is never changed. Writes fail with SQLite's own {@code SQLITE_READONLY}, as 6000.
     *
     * @throws MpAuthXException 6000 naming the file when it is missing, cannot be read, or is not at the current
     *     schema
     */
    static SqliteDatabase openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw refusedReadOnly(absolute, Files.exists(absolute) ? "not a regular file" : "no such file");
        }
        DataSource files = SqliteConnections.readOnly(absolute, BUSY_TIMEOUT);
        SqliteDatabase database;
        try {
            database = new SqliteDatabase(absolute, new WriterConnection(files, null),
                    ReaderPool.open(files, READER_CONNECTIONS));
        } catch (SQLException e) {
            throw cannotOpen(absolute, e);
        }
        SqliteSchema.ReadableTable table;
        try {
            table = database.read("checking its schema", SqliteSchema::readableColumns);
        } catch (MpAuthXException e) {
            database.close();
            throw e;
        }
        if (table.refusal() != null) {
            database.close();
            throw refusedReadOnly(absolute, table.refusal());
        }
        database.userColumns = table.columns();
        return database;
    }

    /** @return what reads of the user table select: its columns, or stand-ins for those the original lacks */
    String userColumns() {
        return userColumns;
    }

    private static MpAuthXException cannotOpen(Path file, Exception cause) {
        LOG.error("Cannot open the SQLite user database {}", file, cause);
        return new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                "cannot open the SQLite user database " + file + ": " + reason(cause), cause);
    }

    /** Logged at debug only: the caller pointed at a file that is not ours to read, and the exception says so. */
    private static MpAuthXException refusedReadOnly(Path file, String reason) {
        LOG.debug("Refused to open {} as a SQLite user database: {}", file, reason);
        return new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                "cannot open the SQLite user database " + file + " read-only: " + reason);
    }

    private static void createParentFolders(Path file) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** SQLite opens an unwritable file read-only without a word; find out now rather than at the first login. */
    private static void refuseReadOnly(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        }
    }

    /**
     * Runs a write on the one writer connection, committed together with the writes queued beside it
     * ({@link GroupCommit}); returns once that commit is durable.
     *
     * @throws MpAuthXException 6000 when the write, or the batch it was committed in, failed; an unchecked
     *     exception of the work's own is its cause
     * @throws Error what the work itself threw, unchanged
     */
    <T> T write(String action, Work<T> work) {
        refuseWhenClosed();
        PendingWrite<T> mine = groupCommit.enqueue(work);
        while (!mine.isDone()) {
            commitAsWriter(mine);
        }
        try {
            return mine.outcome();
        } catch (Exception e) {
            throw failure(action, e);
        }
    }

    private void commitAsWriter(PendingWrite<?> mine) {
        if (!lockWriterFor(mine)) {
            return;
        }
        try {
            if (!mine.isDone()) {
                if (closed.get() && mine.withdraw()) {
                    refuseWhenClosed();
                }
                groupCommit.commitPending(writer);
            }
        } finally {
            writerLock.unlock();
        }
    }

    /**
     * @return true when the writer is locked; false when, the wait over, a committer had already taken the write
     *     and has now committed it
     * @throws MpAuthXException 6000 when the wait ran out (or was interrupted) and the write was withdrawn
     */
    private boolean lockWriterFor(PendingWrite<?> mine) {
        String reason;
        try {
            if (writerLock.tryLock(BUSY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            reason = "the writer connection stayed busy for " + BUSY_TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted while waiting for the writer connection";
        }
        if (mine.withdraw()) {
            throw failure("writing", reason);
        }
        mine.awaitCommit();
        return false;
    }

    /** Runs a read on a reader connection, which sees every write that returned before. */
    <T> T read(String action, Work<T> work) {
        refuseWhenClosed();
        Connection reader = readers.borrow(BUSY_TIMEOUT).orElseThrow(() -> {
            refuseWhenClosed();
            return failure(action, "no reader connection came free within " + BUSY_TIMEOUT);
        });
        try {
            return work.on(reader);
        } catch (SQLException e) {
            throw failure(action, e);
        } finally {
            readers.giveBack(reader);
        }
    }

    private void refuseWhenClosed() {
        if (closed.get()) {
            throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                    "the SQLite user database " + file + " is closed");
        }
    }

    private MpAuthXException failure(String action, Exception cause) {
        LOG.warn("SQLite user database {}: {} failed", file, action, cause);
        return new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                "SQLite user database " + file + ": " + action + " failed: " + reason(cause), cause);
    }

    private MpAuthXException failure(String action, String reason) {
        LOG.warn("SQLite user database {}: {} failed: {}", file, action, reason);
        return new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                "SQLite user database " + file + ": " + action + " failed: " + reason);
    }

    /** The first line only: Flyway's messages run over many lines. */
    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        int lineEnd = message.indexOf('\n');
        return lineEnd < 0 ? message : message.substring(0, lineEnd).strip();
    }

    /** Closes every connection; idle readers at once, the writer after the write in flight (if any). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        readers.close();
        boolean locked = false;
        try {
            locked = writerLock.tryLock(BUSY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writer.discard();
            if (locked) {
                writerLock.unlock();
            }
        }
        LOG.debug("SQLite user database {} closed", file);
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a SQLite connection failed", e);
        }
    }
}
