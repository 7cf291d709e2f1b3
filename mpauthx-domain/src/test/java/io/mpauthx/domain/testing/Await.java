package io.mpauthx.domain.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits on a condition with a deadline, for tests that must see time pass (TTL) without sleeping blindly. */
public final class Await {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Await() {
    }

    /**
     * Polls the condition until it holds or the deadline passes.
     *
     * @param timeout the deadline, from now
     * @param condition what must become true
     * @param description what is awaited, for the failure message
     * @throws AssertionError when the deadline passes first
     */
    public static void until(Duration timeout, BooleanSupplier condition, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not true within " + timeout + ": " + description);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
