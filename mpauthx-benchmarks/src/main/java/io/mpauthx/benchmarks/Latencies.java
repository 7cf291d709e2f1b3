package io.mpauthx.benchmarks;

import java.util.Arrays;
import java.util.List;

/** All sampled latencies of a run, sorted, so that any percentile is one array read. */
final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    static Latencies of(List<LatencySamples> perCaller) {
        long[] all = new long[perCaller.stream().mapToInt(LatencySamples::size).sum()];
        int offset = 0;
        for (LatencySamples samples : perCaller) {
            samples.copyInto(all, offset);
            offset += samples.size();
        }
        return of(all);
    }

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    /**
     * @param fraction e.g. 0.99
     * @return the latency that fraction of the calls stayed at or under, in microseconds; NaN without samples
     */
    double percentileMicros(double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1_000.0;
    }

    int count() {
        return sortedNanos.length;
    }
}
