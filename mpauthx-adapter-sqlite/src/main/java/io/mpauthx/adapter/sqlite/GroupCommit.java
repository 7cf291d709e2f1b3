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

    private final Queue<PendingWrite<?>> pending = new ConcurrentLinkedQueue<>();

    /** Where the writer connection comes from: it is replaced after a failure that may have spoilt it. */
    interface WriterSource {
        Connection get() throws SQLException;
    }

    /** @return the write, queued for the next commit */
    <T> PendingWrite<T> enqueue(SqliteDatabase.Work<T> work) {
        PendingWrite<T> write = new PendingWrite<>(work);
        pending.add(write);
        return write;
    }

    /**
     * Runs and commits every queued write in one transaction; the caller holds the writer lock.
     *
     * @return the first failure of this batch (a write's, the commit's or opening the writer's), null if none
     */
    SQLException commitPending(WriterSource source) {
        List<PendingWrite<?>> batch = new ArrayList<>();
        for (PendingWrite<?> write = pending.poll(); write != null; write = pending.poll()) {
            if (write.claim()) {
                batch.add(write);
            }
        }
        if (batch.isEmpty()) {
            return null;
        }
        Connection writer;
        try {
            writer = source.get();
        } catch (SQLException cannotOpen) {
            batch.forEach(write -> write.failWith(cannotOpen));
            return cannotOpen;
        }
        return commit(writer, batch);
    }

    private static SQLException commit(Connection writer, List<PendingWrite<?>> batch) {
        SQLException firstFailure = null;
        try {
            writer.setAutoCommit(false);
            for (PendingWrite<?> write : batch) {
                SQLException failed = runUnderSavepoint(writer, write);
                firstFailure = firstFailure != null ? firstFailure : failed;
            }
            writer.commit();
            batch.forEach(PendingWrite::finish);
        } catch (SQLException commitFailed) {
            rollBack(writer);
            batch.forEach(write -> write.failWith(commitFailed));
            firstFailure = commitFailed;
        } finally {
            restoreAutoCommit(writer);
        }
        return firstFailure;
    }

    private static SQLException runUnderSavepoint(Connection writer, PendingWrite<?> write) throws SQLException {
        Savepoint before = writer.setSavepoint();
        try {
            write.run(writer);
            writer.releaseSavepoint(before);
            return null;
        } catch (SQLException failed) {
            writer.rollback(before);
            writer.releaseSavepoint(before);
            write.keepFailure(failed);
            return failed;
        }
    }

    private static void rollBack(Connection writer) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("rolling back a failed group commit failed", e);
        }
    }

    private static void restoreAutoCommit(Connection writer) {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("restoring auto-commit on the SQLite writer failed", e);
        }
    }
}
