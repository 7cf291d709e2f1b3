package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the stages of {@code isTokenValidAsync} to mpauthx's own threads before they reach callers. A store
 * completes its stages on its I/O thread (Lettuce: the one event loop that reads every reply of a connection);
 * a caller's continuation that blocked there, say a blocking check inside {@code thenApply}, would stall every
 * Redis caller of the process until their commands timed out.
 *
 * <p>The threads form a {@link ForkJoinPool}: a continuation that waits on a {@code CompletableFuture} (a
 * blocking check, or {@code join()} of another asynchronous check) makes the pool start a spare thread, so
 * waiting continuations cannot starve the answers they wait for. One pool per {@link MpAuthX}; its threads are
 * daemons, started when first needed and ended by {@link #close()}.
 */
final class AsyncHandOff implements AutoCloseable {

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    /** The common pool's bound on spare threads for blocked workers. */
    private static final int MAX_SPARE_THREADS = 256;
    private static final long IDLE_THREAD_SECONDS = 60;

    private final ClassLoader contextClassLoader = Thread.currentThread().getContextClassLoader();
    private final ForkJoinPool pool;
    private final Executor deliveries = this::deliver;

    AsyncHandOff() {
        int parallelism = Runtime.getRuntime().availableProcessors();
        // saturated with blocked continuations, a further one waits without a spare instead of failing
        this.pool = new ForkJoinPool(parallelism, this::newThread, null, true, 0, parallelism + MAX_SPARE_THREADS,
                1, saturated -> true, IDLE_THREAD_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * @param stage a store's answer
     * @return the answer itself when it is already there (a near-cache hit: nothing to hand off), else the one
     *     stage that completes on mpauthx's threads; failures mapped as the facade's blocking calls map them
     */
    <T> CompletionStage<T> handOff(CompletionStage<T> stage) {
        CompletableFuture<T> future;
        try {
            // a CompletableFuture is itself; a minimal stage (the near cache's answer to a hit) gets a copy
            future = stage.toCompletableFuture();
        } catch (UnsupportedOperationException notAFuture) {
            return stage.handleAsync(AsyncHandOff::answerOrFailure, deliveries);
        }
        if (!future.isDone()) {
            return future.handleAsync(AsyncHandOff::answerOrFailure, deliveries);
        }
        return future.isCompletedExceptionally() ? future.handle(AsyncHandOff::answerOrFailure) : future;
    }

    /** Ends the threads once their deliveries are done. Idempotent. */
    @Override
    public void close() {
        pool.shutdown();
    }

    /** Failures as the blocking check reports them: {@link MpAuthXException} as it is, anything else as 9999. */
    private static <T> T answerOrFailure(T answer, Throwable failure) {
        if (failure != null) {
            throw FacadeFailures.asMpAuthXException(failure);
        }
        return answer;
    }

    private void deliver(Runnable delivery) {
        try {
            pool.execute(delivery);
        } catch (RejectedExecutionException closed) {
            // an answer still in flight when close() ran: its caller gets it, still not on the store's thread
            ForkJoinPool.commonPool().execute(delivery);
        }
    }

    private ForkJoinWorkerThread newThread(ForkJoinPool owner) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
        thread.setName("mpauthx-async-" + THREAD_NUMBERS.incrementAndGet());
        // continuations see the application's class loader, whichever thread made the pool grow
        thread.setContextClassLoader(contextClassLoader);
        return thread;
    }
}
