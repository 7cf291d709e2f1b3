package io.mpauthx.benchmarks;

import java.util.Arrays;

/** One caller's latencies in nanoseconds, growing as needed; confined to that caller's thread. */
final class LatencySamples {

    private long[] nanos = new long[4_096];
    private int size;

    void add(long took) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = took;
    }

    int size() {
        return size;
    }

    void copyInto(long[] target, int offset) {
        System.arraycopy(nanos, 0, target, offset, size);
    }
}
