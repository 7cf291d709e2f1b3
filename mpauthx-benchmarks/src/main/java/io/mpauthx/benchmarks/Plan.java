package io.mpauthx.benchmarks;

import java.time.Duration;

/**
 * How long and how big each figure is run. {@link #full()} is the documented run (under five minutes on two
 * cores); {@link #smoke()} runs every driver for a fraction of a second, to show the suite still works.
 *
 * @param warmup how long a throughput or latency driver runs before it counts
 * @param measure how long it counts
 * @param redisBenchmarkRequests {@code -n} of each redis-benchmark run
 * @param refreshSamples refreshToken calls whose latency is sampled, per key count
 * @param unrelatedKeys keys loaded into Redis for the second refreshToken measurement
 * @param memoryTokens live tokens whose memory is averaged
 * @param jmhIterations measured JMH iterations per benchmark (one fork, as many warm-up iterations)
 * @param jmhIteration how long each JMH iteration runs
 * @param jmhForks JMH forks; 0 runs in this JVM (smoke only: a forked JVM is what makes JMH figures sound)
 * @param revocations revocations whose way to another instance's near cache is timed
 */
record Plan(Duration warmup, Duration measure, int redisBenchmarkRequests, int refreshSamples, int unrelatedKeys,
            int memoryTokens, int jmhIterations, Duration jmhIteration, int jmhForks, int revocations) {

    /** Callers of the throughput figures, and async checks in flight: 64. */
    static final int MANY_CALLERS = 64;
    /** Callers of the authorize figure: a busy backend's worker pool. */
    static final int LOGIN_CALLERS = 16;

    static Plan full() {
        return new Plan(Duration.ofSeconds(3), Duration.ofSeconds(5), 300_000, 3_000, 1_000_000, 100_000, 3,
                Duration.ofSeconds(2), 1, 1_000);
    }

    static Plan smoke() {
        return new Plan(Duration.ofMillis(100), Duration.ofMillis(200), 2_000, 50, 10_000, 500, 1,
                Duration.ofMillis(100), 0, 20);
    }
}
