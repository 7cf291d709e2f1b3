package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisCommandTimeoutException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notices a connection that has silently died: commands that time out in a row. A link lost without a reset (a
 * host gone, a middlebox dropping traffic) never closes on its own: the kernel retransmits for minutes, Lettuce
 * keeps the connection, and every command on it times out. After {@link #LIMIT} timeouts with no answer between
 * them the owner is told to replace the connection, once, until it reports the replacement done.
 */
final class TimeoutStreak {

    /** Timeouts in a row that condemn a connection: one is a slow command, three a dead link. */
    static final int LIMIT = 3;

    private final AtomicInteger inARow = new AtomicInteger();
    private final AtomicBoolean replacing = new AtomicBoolean();
    private final Runnable replaceConnection;

    /** @param replaceConnection starts replacing the connection without blocking; calls {@link #replaced()} after */
    TimeoutStreak(Runnable replaceConnection) {
        this.replaceConnection = replaceConnection;
    }

    /** A command was answered: the link works. Costs one volatile read on the hot path. */
    void answered() {
        if (inARow.get() != 0) {
            inARow.set(0);
        }
    }

    /** A command failed; only a timeout counts. */
    void failed(Throwable failure) {
        if (isTimeout(failure)) {
            timedOut();
        }
    }

    /** Something sent on the connection got no answer in time. */
    void timedOut() {
        if (inARow.incrementAndGet() >= LIMIT && replacing.compareAndSet(false, true)) {
            replaceConnection.run();
        }
    }

    /** The connection was replaced, or replacing it failed and may be tried again at the next streak. */
    void replaced() {
        inARow.set(0);
        replacing.set(false);
    }

    private static boolean isTimeout(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RedisCommandTimeoutException;
    }
}
