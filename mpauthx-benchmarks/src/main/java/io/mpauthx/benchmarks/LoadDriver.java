package io.mpauthx.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs one call from many threads (or keeps many async calls in flight) through a warm-up and a measured window,
 * and reports calls per second or per-call latencies. The first failure of a call ends the run and is rethrown.
 */
final class LoadDriver {

    private static final int WARMING = 0;
    private static final int MEASURING = 1;
    private static final int STOPPED = 2;

    private volatile int phase = WARMING;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Duration warmup;
    private final Duration measure;

    LoadDriver(Duration warmup, Duration measure) {
        this.warmup = warmup;
        this.measure = measure;
    }

    /** @return completed calls per second of the measured window, {@code callers} threads calling in a loop */
    double throughput(int callers, Runnable call) {
        LongAdder completed = new LongAdder();
        List<Thread> threads = start(callers, () -> {
            while (phase != STOPPED) {
                call.run();
                if (phase == MEASURING) {
                    completed.increment();
                }
            }
        });
        double seconds = runPhases(threads);
        return completed.sum() / seconds;
    }

    /** @return completed calls per second with {@code inFlight} calls always outstanding, issued as others finish */
    double asyncThroughput(int inFlight, Supplier<CompletionStage<?>> call) {
        LongAdder completed = new LongAdder();
        LongAdder outstanding = new LongAdder();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            outstanding.increment();
            call.get().whenComplete((answer, failed) -> {
                outstanding.decrement();
                if (failed != null) {
                    fail(failed);
                } else if (phase != STOPPED) {
                    if (phase == MEASURING) {
                        completed.increment();
                    }
                    next[0].run();
                }
            });
        };
        for (int i = 0; i < inFlight; i++) {
            next[0].run();
        }
        double seconds = runPhases(List.of());
        awaitDrained(outstanding);
        return completed.sum() / seconds;
    }

    /** @return every measured call's latency, {@code callers} threads calling in a loop */
    Latencies latencies(int callers, Runnable call) {
        List<LatencySamples> perThread = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            perThread.add(new LatencySamples());
        }
        List<Thread> threads = start(callers, index -> {
            LatencySamples samples = perThread.get(index);
            while (phase != STOPPED) {
                long start = System.nanoTime();
                call.run();
                long took = System.nanoTime() - start;
                if (phase == MEASURING) {
                    samples.add(took);
                }
            }
        });
        runPhases(threads);
        return Latencies.of(perThread);
    }

    private List<Thread> start(int callers, Runnable loop) {
        return start(callers, index -> loop.run());
    }

    private List<Thread> start(int callers, java.util.function.IntConsumer loop) {
        List<Thread> threads = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    loop.accept(index);
                } catch (Throwable failed) {
                    fail(failed);
                }
            }, "benchmark-caller-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return threads;
    }

    /** @return the seconds the measured window really lasted */
    private double runPhases(List<Thread> threads) {
        pause(warmup);
        long start = System.nanoTime();
        phase = MEASURING;
        pause(measure);
        phase = STOPPED;
        long elapsed = System.nanoTime() - start;
        for (Thread thread : threads) {
            join(thread);
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("a benchmarked call failed: " + failed, failed);
        }
        return elapsed / 1e9;
    }

    private void fail(Throwable failed) {
        failure.compareAndSet(null, failed);
        phase = STOPPED;
    }

    /** Waits the whole window even if the thread is woken early; stops early only on a failure. */
    private void pause(Duration length) {
        long deadline = System.nanoTime() + length.toNanos();
        for (long left = length.toNanos(); left > 0 && failure.get() == null; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static void awaitDrained(LongAdder outstanding) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outstanding.sum() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the callers", e);
        }
    }
}
