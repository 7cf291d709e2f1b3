package io.mpauthx.server;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts calls in flight so that a shutdown can wait for them; once draining, connections close after their answer. */
final class Drain {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;
    private volatile boolean draining;

    void begin() {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    void end() {
        lock.lock();
        try {
            if (--inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    boolean draining() {
        return draining;
    }

    /**
     * Stops keep-alive and waits until no call is in flight.
     *
     * @param grace the longest wait
     * @return true if every call finished in time
     */
    boolean drain(Duration grace) {
        draining = true;
        long nanos = grace.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
