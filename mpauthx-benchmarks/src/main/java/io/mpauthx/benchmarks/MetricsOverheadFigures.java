package io.mpauthx.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.testkit.redis.LocalRedisServer;

import static io.mpauthx.benchmarks.LiveTokens.requireValid;

/**
 * Figure 11: what recording metrics costs the hot path. Two instances on one redis-server, one recording into a
 * Micrometer registry and one without, called in turn batch by batch from one thread, so that both meet the same
 * moments of a shared machine; the figure is the median time of a batch with the registry over the same without.
 * 11a goes to Redis on every check (one round trip); 11b is answered by the near cache, where the cost of the
 * meters is largest in proportion.
 */
final class MetricsOverheadFigures {

    private static final int USERS = 1_000;
    private static final int ROUND_TRIP_BATCH = 10;
    private static final int NEAR_CACHE_BATCH = 200;
    private static final String MICROS = "us";
    private static final Goal AT_MOST_FIVE_PERCENT = Goal.ratioAtMost(1.05);

    private final LocalRedisServer redis;
    private final Plan plan;
    private final Report report;

    MetricsOverheadFigures(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.plan = plan;
        this.report = report;
    }

    void run() {
        LiveTokens tokens = LiveTokens.issue(redis.uri(), USERS);
        measure("11a", "isTokenValid on Redis", NearCacheSettings.disabled(), ROUND_TRIP_BATCH, tokens);
        measure("11b", "isTokenValid near cache", NearCacheSettings.defaults(), NEAR_CACHE_BATCH, tokens);
    }

    private void measure(String id, String title, NearCacheSettings nearCache, int batch, LiveTokens tokens) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (MpAuthX metered = builder(nearCache).meterRegistry(registry).build();
             MpAuthX plain = builder(nearCache).build()) {
            long[][] nanos = sampleInterleaved(metered, plain, batch, tokens);
            Latencies withRegistry = Latencies.of(nanos[0]);
            Latencies without = Latencies.of(nanos[1]);
            report.add(Figure.measured(id, title + " with a meter registry, median of " + batch + " calls",
                    withRegistry.percentileMicros(0.5), MICROS, "the same without a registry",
                    without.percentileMicros(0.5), AT_MOST_FIVE_PERCENT));
            double recorded = registry.get("mpauthx.token.checks").tag("result", "valid").counter().count();
            report.note(String.format("%s: %d batches each, calls alternating batch by batch; p90 %s us with the "
                            + "registry, %s us without; %.0f checks counted (SimpleMeterRegistry)", id,
                    withRegistry.count(), Figure.format(withRegistry.percentileMicros(0.9)),
                    Figure.format(without.percentileMicros(0.9)), recorded));
        }
    }

    /**
     * As many warm-up batches as measured ones, then batches alternating between the two instances, who goes first
     * alternating too.
     *
     * @return batch times with the registry, then without
     */
    private long[][] sampleInterleaved(MpAuthX metered, MpAuthX plain, int batch, LiveTokens tokens) {
        int rounds = plan.refreshSamples();
        for (int i = 0; i < rounds; i++) {
            timed(metered, batch, tokens);
            timed(plain, batch, tokens);
        }
        long[][] nanos = new long[2][rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                nanos[0][i] = timed(metered, batch, tokens);
                nanos[1][i] = timed(plain, batch, tokens);
            } else {
                nanos[1][i] = timed(plain, batch, tokens);
                nanos[0][i] = timed(metered, batch, tokens);
            }
        }
        return nanos;
    }

    private static long timed(MpAuthX auth, int batch, LiveTokens tokens) {
        long start = System.nanoTime();
        for (int i = 0; i < batch; i++) {
            requireValid(auth.isTokenValid(tokens.any()));
        }
        return System.nanoTime() - start;
    }

    private MpAuthXBuilder builder(NearCacheSettings nearCache) {
        return MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .redis(redis.uri()).nearCache(nearCache).inMemoryUserRepository();
    }
}
