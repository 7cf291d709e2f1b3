package io.mpauthx.adapter.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One write waiting for a {@link GroupCommit}: queued, then either claimed by a committer or withdrawn by its
 * caller (who gave up waiting), never both, so a caller told "failed" never has its write committed.
 *
 * @param <T> what the write answers
 */
final class PendingWrite<T> {

    private static final int QUEUED = 0;
    private static final int CLAIMED = 1;
    private static final int WITHDRAWN = 2;

    private final SqliteDatabase.Work<T> work;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CountDownLatch committed = new CountDownLatch(1);
    private T value;
    private SQLException failure;

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
        return committed.getCount() == 0;
    }

    void run(Connection writer) throws SQLException {
        value = work.on(writer);
    }

    void keepFailure(SQLException failed) {
        failure = failed;
    }

    void failWith(SQLException commitFailed) {
        failure = commitFailed;
        committed.countDown();
    }

    void finish() {
        committed.countDown();
    }

    /** Waits for the commit a committer is running right now, even when interrupted (the flag is kept). */
    void awaitCommit() {
        boolean interrupted = false;
        while (!isDone()) {
            try {
                committed.await();
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
     * @throws SQLException what failed the write or its commit
     */
    T outcome() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
