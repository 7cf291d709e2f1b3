package io.mpauthx.testkit.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition the fixtures cannot be told about, such as gossip reaching every node, with a deadline. */
final class Poll {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private Poll() {
    }

    /**
     * @param timeout how long the condition may take
     * @param condition checked until it holds; a RuntimeException counts as "not yet"
     * @param what what is awaited, for the failure message
     * @throws IllegalStateException if the condition does not hold in time
     */
    static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() - deadline < 0) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what, last);
    }
}
