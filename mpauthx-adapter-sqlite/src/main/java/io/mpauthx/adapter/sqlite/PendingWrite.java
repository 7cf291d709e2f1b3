package io.mpauthx.adapter.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One write waiting for a {@link GroupCommit}: queued, then either claimed by a committer or withdrawn by its
 * caller (who gave up waiting), never both, so a caller told "failed" never has its write committed. A claimed
 * write is settled once, committed or failed; the committer settles it, the caller then reads its outcome.
 *
 * @param <T> what the write answers
 */
final class PendingWrite<T> {

    private static final int QUEUED = 0;
    private static final int CLAIMED = 1;
    private static final int WITHDRAWN = 2;

    private final SqliteDatabase.Work<T> work;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CountDownLatch settled = new CountDownLatch(1);
    private T value;
    /** The write's own failure, or its batch's when it had none; written before {@link #settled} opens. */
    private Throwable failure;

    PendingWrite(SqliteDatabase.Work<T> work) {
        this.work = work;
    }

    boolean claim() {
        return state.compareAndSet(QUEUED, CLAIMED);
    }

    /** @return true if no committer took the write, which now never will */
    boolean withdraw() {
        return state.compareAndSet(QUEUED, WITHDRAWN);
    }

    boolean isDone() {
        return settled.getCount() == 0;
    }

    /** Runs the write's own code; whatever it throws, unchecked exceptions and errors included, comes out. */
    void run(Connection writer) throws SQLException {
        value = work.on(writer);
    }

    /** Remembers what the write's own code threw; the write is settled with it once its batch has ended. */
    void keepFailure(Throwable failed) {
        failure = failed;
    }

    /** Settles the write as failed: with its own failure if it had one, else with this one. No-op once settled. */
    void fail(Throwable batchFailure) {
        if (isDone()) {
            return;
        }
        if (failure == null) {
            failure = batchFailure;
        }
        settled.countDown();
    }

    /** Settles the write after its batch committed: answered, or failed with its own failure. No-op once settled. */
    void finish() {
        settled.countDown();
    }

    /** Waits for the commit a committer is running right now, even when interrupted (the flag is kept). */
    void awaitCommit() {
        boolean interrupted = false;
        while (!isDone()) {
            try {
                settled.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return what the write answered, once committed
     * @throws Exception what failed the write or its batch (a write's own unchecked exception included)
     * @throws Error what the write's own code threw, passed on unchanged
     */
    T outcome() throws Exception {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof Exception exception) {
            throw exception;
        }
        if (failure != null) {
            throw new SQLException("the write threw " + failure, failure);
        }
        return value;
    }
}
