package io.mpauthx.adapter.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Group commit on the one writer connection. With {@code synchronous = FULL} every commit waits for a sync of the
 * WAL, and writes queue behind it; so the writes that arrive while one commit runs are committed together by the
 * next, in one transaction with one sync. Each write runs under its own savepoint, so a write whose statement
 * fails is undone alone and fails only its own caller. A write whose own code throws anything else (an unchecked
 * exception, an {@link Error}) leaves the transaction in a state nobody can vouch for: the whole batch is rolled
 * back, its caller gets what it threw, and every other write of the batch fails with a rollback of its own. Every
 * caller returns only after its write is settled, and every write a committer claims is settled, whatever failed.
 *
 * <p>Not a thread of its own: whoever holds the writer lock commits what is pending. Thread-safe with that lock.
 */
final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Queue<PendingWrite<?>> pending = new ConcurrentLinkedQueue<>();

    /** @return the write, queued for the next commit */
    <T> PendingWrite<T> enqueue(SqliteDatabase.Work<T> work) {
        PendingWrite<T> write = new PendingWrite<>(work);
        pending.add(write);
        return write;
    }

    /**
     * Runs and commits every queued write in one transaction; the caller holds the writer lock. On return every
     * write it claimed is settled, committed or failed.
     */
    void commitPending(WriterConnection writer) {
        List<PendingWrite<?>> batch = claimQueued();
        if (batch.isEmpty()) {
            return;
        }
        Connection connection;
        try {
            connection = writer.get();
        } catch (SQLException cannotOpen) {
            batch.forEach(write -> write.fail(cannotOpen));
            return;
        }
        commit(writer, connection, batch);
    }

    private List<PendingWrite<?>> claimQueued() {
        List<PendingWrite<?>> batch = new ArrayList<>();
        for (PendingWrite<?> write = pending.poll(); write != null; write = pending.poll()) {
            if (write.claim()) {
                batch.add(write);
            }
        }
        return batch;
    }

    private static void commit(WriterConnection writer, Connection connection, List<PendingWrite<?>> batch) {
        SQLException firstWriteFailure;
        try {
            firstWriteFailure = runEach(connection, batch);
            connection.commit();
        } catch (Throwable failed) { // anything: a claimed write left unsettled would keep its caller waiting
            abandon(writer, connection, batch, failed);
            return;
        }
        batch.forEach(PendingWrite::finish);
        restoreAutoCommit(writer, connection);
        if (firstWriteFailure != null) {
            writer.discardIfStale(firstWriteFailure);
        }
    }

    /** @return the first failure of a write's own statements, null if none */
    private static SQLException runEach(Connection connection, List<PendingWrite<?>> batch) throws SQLException {
        connection.setAutoCommit(false);
        SQLException firstFailure = null;
        for (PendingWrite<?> write : batch) {
            SQLException failed = runUnderSavepoint(connection, write);
            firstFailure = firstFailure != null ? firstFailure : failed;
        }
        return firstFailure;
    }

    /**
     * @return what the write's statements threw (undone alone, to its savepoint), null if nothing
     * @throws SQLTransactionRollbackException when the write's own code threw something else, kept as its failure
     */
    private static SQLException runUnderSavepoint(Connection connection, PendingWrite<?> write) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            write.run(connection);
        } catch (SQLException failed) {
            connection.rollback(before);
            connection.releaseSavepoint(before);
            write.keepFailure(failed);
            return failed;
        } catch (Throwable broke) {
            write.keepFailure(broke);
            LOG.warn("a write of a SQLite group commit threw {}; the whole batch is rolled back",
                    broke.getClass().getName());
            throw new SQLTransactionRollbackException(
                    "rolled back with the rest of its group commit, in which another write failed unexpectedly");
        }
        connection.releaseSavepoint(before);
        return null;
    }

    /**
     * Rolls the batch back, then fails every write not yet settled. A connection that cannot roll back is closed:
     * ending its transaction any other way (such as restoring auto-commit) would commit half a batch.
     */
    private static void abandon(WriterConnection writer, Connection connection, List<PendingWrite<?>> batch,
                                Throwable failed) {
        SQLException batchFailure = failed instanceof SQLException sql ? sql
                : new SQLException("the group commit failed unexpectedly: " + failed, failed);
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            writer.discardIfStale(batchFailure);
        } catch (Throwable rollbackFailed) {
            LOG.warn("rolling back a failed SQLite group commit failed; the writer connection is discarded",
                    rollbackFailed);
            writer.discard();
        } finally {
            batch.forEach(write -> write.fail(batchFailure));
        }
    }

    private static void restoreAutoCommit(WriterConnection writer, Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("restoring auto-commit on the SQLite writer failed; the connection is discarded", e);
            writer.discard();
        }
    }
}
