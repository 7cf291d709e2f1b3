package io.mpauthx.bootstrap.reliability;

import io.mpauthx.domain.testing.Await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Makes a SQLite file in use read-only, and writable again, for everyone: root included, whom file permissions
 * do not stop. SQLite's own mark is header byte 18 (the write version) above 2. In WAL mode the open connections
 * do not see a change of that byte by themselves: they keep page 1 cached, and a newer copy of page 1 may sit in
 * the WAL, to be copied back over the mark. So the mark is set and then a {@code wal_checkpoint(TRUNCATE)} is run,
 * which empties the WAL and restarts its index, making every connection re-read page 1 at its next transaction;
 * if the checkpoint copied an older page 1 over the mark, both steps are repeated.
 */
final class ReadOnlySqliteFile implements AutoCloseable {

    /** SQLite header byte 18, the file format write version: above 2, SQLite treats the file as read-only. */
    private static final int WRITE_VERSION_OFFSET = 18;
    private static final int WAL_VERSION = 2;
    private static final int READ_ONLY_VERSION = 3;

    private final Path file;
    private final Connection checkpointer;

    /** Opens a connection of its own while the file is still writable: checkpoints need one that may write. */
    ReadOnlySqliteFile(Path file) {
        this.file = file;
        try {
            checkpointer = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = checkpointer.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM user").close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file, e);
        }
    }

    void markReadOnly() {
        mark(READ_ONLY_VERSION);
    }

    void markWritable() {
        mark(WAL_VERSION);
    }

    private void mark(int version) {
        Await.until(Duration.ofSeconds(20), () -> {
            writeVersion(version);
            return checkpointed() && readVersion() == version;
        }, "header byte 18 of " + file + " at " + version + " after a full checkpoint");
    }

    private boolean checkpointed() {
        try (Statement statement = checkpointer.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            return result.next() && result.getInt(1) == 0;
        } catch (SQLException busyOrReadOnly) {
            return false;
        }
    }

    private void writeVersion(int version) {
        try (RandomAccessFile header = new RandomAccessFile(file.toFile(), "rw")) {
            header.seek(WRITE_VERSION_OFFSET);
            header.write(version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int readVersion() {
        try (RandomAccessFile header = new RandomAccessFile(file.toFile(), "r")) {
            header.seek(WRITE_VERSION_OFFSET);
            return header.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            checkpointer.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the connection to " + file, e);
        }
    }
}
