package io.mpauthx.benchmarks;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.time.Duration;

/**
 * Figures 7a and 7b: how long a revocation on one instance takes to reach the near cache of another. Instance A
 * checks without a near cache, B with one (as {@code redis(uri)} gives); B answers "live" from memory, A revokes,
 * and the time runs from the return of A's {@code revokeToken} until B answers "not live", B's caller yielding
 * between checks. Next to one GET round trip to the same server (redis-benchmark, one client).
 */
final class RevocationFigures {

    private static final String MICROS = "us";
    /** Far beyond the near cache's own bound (heartbeat interval + timeout): a revocation never seen stops the run. */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(10);

    private final LocalRedisServer redis;
    private final RedisBenchmark redisBenchmark;
    private final Plan plan;
    private final Report report;

    RevocationFigures(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.redisBenchmark = new RedisBenchmark(redis);
        this.plan = plan;
        this.report = report;
    }

    void run() {
        LiveTokens tokens = LiveTokens.issue(redis.uri(), plan.revocations());
        GetReference roundTrip = GetReference.measure(redisBenchmark, 1, plan.redisBenchmarkRequests() / 5);
        long[] nanos = new long[plan.revocations()];
        try (MpAuthX revoking = builder().nearCache(NearCacheSettings.disabled()).build();
             MpAuthX cached = builder().build()) {
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = revocationReaching(cached, revoking, tokens.get(i));
            }
        }
        Latencies seen = Latencies.of(nanos);
        report.add(roundTrip.versus("7a", "revocation seen by another instance, p50", seen.percentileMicros(0.50),
                MICROS, RedisBenchmark.Result::p50Micros, Goal.NONE));
        report.add(roundTrip.versus("7b", "revocation seen by another instance, p99", seen.percentileMicros(0.99),
                MICROS, RedisBenchmark.Result::p99Micros, Goal.valueAtMost(5_000, MICROS)));
        report.note(String.format("max %s us over %d revocations", Figure.format(seen.percentileMicros(1.0)),
                seen.count()));
    }

    /** @return nanoseconds from the return of A's revocation until B stops answering "live" from its cache */
    private static long revocationReaching(MpAuthX cached, MpAuthX revoking, String token) {
        // the first check fills B's cache, the second is answered from it
        if (!cached.isTokenValid(token) || !cached.isTokenValid(token) || !revoking.revokeToken(token)) {
            throw new IllegalStateException("a live token was not live, or not revoked");
        }
        long revoked = System.nanoTime();
        long deadline = revoked + SEEN_WITHIN.toNanos();
        while (cached.isTokenValid(token)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("a revocation was not seen by the other instance within "
                        + SEEN_WITHIN.toSeconds() + " s");
            }
            // two shared cores: leave the CPU to B's event loop, which applies the invalidation
            Thread.yield();
        }
        return System.nanoTime() - revoked;
    }

    private MpAuthXBuilder builder() {
        return MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .redis(redis.uri()).inMemoryUserRepository();
    }
}
