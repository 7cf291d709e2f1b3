package io.mpauthx.bootstrap.reliability;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What the calls of one phase of a load test came to: how many, how each ended (1 for success, else the status code;
 * 0 for anything that was not an {@link MpAuthXException}), the slowest, and every latency for percentiles.
 * Thread-safe.
 */
final class CallFigures {

    /** The outcome recorded for a failure that is not an {@link MpAuthXException}: it must never occur. */
    static final int ESCAPED = 0;

    private final String name;
    private final LongAdder calls = new LongAdder();
    private final Map<Integer, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final List<Long> latencies = new ArrayList<>();

    CallFigures(String name) {
        this.name = name;
    }

    /**
     * Times one call and records how it ended.
     *
     * @return what the call returned, or null if it failed
     */
    <T> T call(Supplier<T> call) {
        long start = System.nanoTime();
        int outcome = StatusCode.SUCCESS.code();
        try {
            return call.get();
        } catch (MpAuthXException failure) {
            outcome = failure.statusCode().code();
            return null;
        } catch (RuntimeException escaped) {
            outcome = ESCAPED;
            return null;
        } finally {
            record(System.nanoTime() - start, outcome);
        }
    }

    private void record(long nanos, int outcome) {
        calls.increment();
        outcomes.computeIfAbsent(outcome, code -> new LongAdder()).increment();
        slowestNanos.accumulateAndGet(nanos, Math::max);
        synchronized (latencies) {
            latencies.add(nanos);
        }
    }

    long calls() {
        return calls.sum();
    }

    /** @return outcome (1, a status code, or {@link #ESCAPED}) to how many calls ended so, in code order */
    Map<Integer, Long> outcomes() {
        Map<Integer, Long> counted = new TreeMap<>();
        outcomes.forEach((code, count) -> counted.put(code, count.sum()));
        return counted;
    }

    long failures() {
        return calls() - outcomes().getOrDefault(StatusCode.SUCCESS.code(), 0L);
    }

    long slowestMillis() {
        return slowestNanos.get() / 1_000_000;
    }

    /** @param percentile e.g. 99.0 */
    long percentileMicros(double percentile) {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        sorted.sort(null);
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000;
    }

    @Override
    public String toString() {
        return String.format("%-26s calls %7d  failed %6d  by outcome %s  p99 %6d us  slowest %5d ms",
                name, calls(), failures(), outcomes(), percentileMicros(99), slowestMillis());
    }
}
