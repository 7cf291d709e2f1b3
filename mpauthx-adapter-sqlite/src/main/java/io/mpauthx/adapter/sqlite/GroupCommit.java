package io.mpauthx.adapter.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Group commit on the one writer connection. With {@code synchronous = FULL} every commit waits for a sync of the
 * WAL, and writes queue behind it; so the writes that arrive while one commit runs are committed together by the
 * next, in one transaction with one sync. Each write runs under its own savepoint, so a failing write is undone
 * alone and fails only its own caller. Every caller still returns only after the commit holding its write.
 *
 * <p>Not a thread of its own: whoever holds the writer lock commits what is pending. Thread-safe with that lock.
 */
final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Connection writer;
    private final Queue<PendingWrite<?>> pending = new ConcurrentLinkedQueue<>();

    GroupCommit(Connection writer) {
        this.writer = writer;
    }

    /** @return the write, queued for the next commit */
    <T> PendingWrite<T> enqueue(SqliteDatabase.Work<T> work) {
        PendingWrite<T> write = new PendingWrite<>(work);
        pending.add(write);
        return write;
    }

    /** Runs and commits every queued write in one transaction; the caller holds the writer lock. */
    void commitPending() {
        List<PendingWrite<?>> batch = new ArrayList<>();
        for (PendingWrite<?> write = pending.poll(); write != null; write = pending.poll()) {
            if (write.claim()) {
                batch.add(write);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.setAutoCommit(false);
            for (PendingWrite<?> write : batch) {
                runUnderSavepoint(write);
            }
            writer.commit();
            batch.forEach(PendingWrite::finish);
        } catch (SQLException commitFailed) {
            rollBack();
            batch.forEach(write -> write.failWith(commitFailed));
        } finally {
            restoreAutoCommit();
        }
    }

    private void runUnderSavepoint(PendingWrite<?> write) throws SQLException {
        Savepoint before = writer.setSavepoint();
        try {
            write.run(writer);
            writer.releaseSavepoint(before);
        } catch (SQLException failed) {
            writer.rollback(before);
            writer.releaseSavepoint(before);
            write.keepFailure(failed);
        }
    }

    private void rollBack() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("rolling back a failed group commit failed", e);
        }
    }

    private void restoreAutoCommit() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("restoring auto-commit on the SQLite writer failed", e);
        }
    }
}
