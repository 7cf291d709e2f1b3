package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.testing.Await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes writes share one group commit, in a known order, on real threads: a first write holds the writer
 * connection until {@link #commit()}, each write {@linkplain #add added} meanwhile is started and queued behind
 * the one before, and on release the first of them commits them all in one batch.
 */
final class QueuedBatch implements AutoCloseable {

    /** Far above what a batch of a few writes takes; a write still running then spins or hangs. */
    static final Duration DEADLINE = Duration.ofSeconds(20);

    /** What a write's caller got: the write's answer, or what it threw. */
    record Outcome(Integer answer, Throwable failure) {

        boolean committed() {
            return failure == null;
        }
    }

    private final SqliteDatabase database;
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, FutureTask<Integer>> writes = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();

    QueuedBatch(SqliteDatabase database) {
        this.database = database;
        start("holder", connection -> {
            holding.countDown();
            awaitRelease();
            return 0;
        });
        Await.until(DEADLINE, () -> holding.getCount() == 0, "the holder runs on the writer");
    }

    private void awaitRelease() throws SQLException {
        try {
            if (!release.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLException("the test never released the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while holding the writer", e);
        }
    }

    /** Starts the write and returns once it waits for the writer, so it is queued after those added before. */
    void add(String name, SqliteDatabase.Work<Integer> work) {
        Thread thread = start(name, work);
        Await.until(DEADLINE, () -> thread.getState() == Thread.State.TIMED_WAITING, name + " waits for the writer");
    }

    private Thread start(String name, SqliteDatabase.Work<Integer> work) {
        FutureTask<Integer> write = new FutureTask<>(() -> database.write("test write " + name, work));
        // daemon: a write that spins forever must not keep the test JVM alive
        Thread thread = new Thread(write, "queued-" + name);
        thread.setDaemon(true);
        writes.put(name, write);
        threads.put(name, thread);
        thread.start();
        return thread;
    }

    /**
     * Lets the holder commit, which lets the queued writes commit together.
     *
     * @return each added write's outcome, in the order added
     * @throws AssertionError naming the writes that did not settle within {@link #DEADLINE}
     */
    Map<String, Outcome> commit() throws InterruptedException {
        release.countDown();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> unsettled = new ArrayList<>();
        for (Map.Entry<String, FutureTask<Integer>> write : writes.entrySet()) {
            try {
                outcomes.put(write.getKey(), new Outcome(write.getValue().get(
                        Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null));
            } catch (ExecutionException failed) {
                outcomes.put(write.getKey(), new Outcome(null, failed.getCause()));
            } catch (TimeoutException stillRunning) {
                unsettled.add(write.getKey() + " (" + threads.get(write.getKey()).getState() + ")");
            }
        }
        if (!unsettled.isEmpty()) {
            throw new AssertionError("not settled within " + DEADLINE + ": " + unsettled);
        }
        outcomes.remove("holder");
        return outcomes;
    }

    /** Releases the holder if a test failed before committing. */
    @Override
    public void close() {
        release.countDown();
    }
}
