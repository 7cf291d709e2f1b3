package io.mpauthx.adapter.wechat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The end of one call's time budget, shared by its attempts and the pauses between them. */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** @return the time left, zero once passed */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean leaves(Duration needed) {
        return remaining().compareTo(needed) > 0;
    }

    /**
     * Waits out a retry pause.
     *
     * @return false if the thread was interrupted (the interrupt flag is set again)
     */
    boolean pause(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        for (long left = pause.toNanos(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
