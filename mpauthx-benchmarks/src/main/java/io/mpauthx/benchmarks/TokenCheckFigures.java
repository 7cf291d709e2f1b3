package io.mpauthx.benchmarks;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.util.Optional;
import java.util.function.Function;

/**
 * Figures 1 and 2: {@code isTokenValid} on Redis, throughput at 64 callers (blocking, async, near cache) and
 * latency at 1 and 64 callers, each next to redis-benchmark's GET against the same server.
 */
final class TokenCheckFigures {

    private static final int USERS = 1_000;
    private static final String RATE = "calls/s";
    private static final String MICROS = "us";

    private final LocalRedisServer redis;
    private final RedisBenchmark redisBenchmark;
    private final Plan plan;
    private final Report report;

    TokenCheckFigures(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.redisBenchmark = new RedisBenchmark(redis);
        this.plan = plan;
        this.report = report;
    }

    void run() {
        LiveTokens tokens = LiveTokens.issue(redis.uri(), USERS);
        Reference many = new Reference(Plan.MANY_CALLERS,
                redisBenchmark.get(Plan.MANY_CALLERS, plan.redisBenchmarkRequests()));
        // one client is slower per request; a fifth of the requests keeps the run as short
        Reference one = new Reference(1, redisBenchmark.get(1, plan.redisBenchmarkRequests() / 5));
        try (MpAuthX auth = builder().build()) {
            throughputFigures(auth, tokens, many);
        }
        nearCacheFigure(tokens, many);
        try (MpAuthX auth = builder().build()) {
            latencyFigures(auth, tokens, one, many);
        }
    }

    private void throughputFigures(MpAuthX auth, LiveTokens tokens, Reference reference) {
        double blocking = driver().throughput(Plan.MANY_CALLERS, () -> requireValid(auth.isTokenValid(tokens.any())));
        report.add(versus("1a", "isTokenValid blocking, 64 threads", blocking, RATE, reference,
                RedisBenchmark.Result::requestsPerSecond, Goal.ratioAtLeast(1.0)));
        double async = driver().asyncThroughput(Plan.MANY_CALLERS,
                () -> auth.isTokenValidAsync(tokens.any()).thenAccept(TokenCheckFigures::requireValid));
        report.add(versus("1b", "isTokenValidAsync, 64 in flight", async, RATE, reference,
                RedisBenchmark.Result::requestsPerSecond, Goal.ratioAtLeast(1.4)));
    }

    private void nearCacheFigure(LiveTokens tokens, Reference reference) {
        String title = "isTokenValid near cache, 64 threads";
        try (MpAuthX auth = builder().nearCache(NearCacheSettings.defaults()).build()) {
            double rate = driver().throughput(Plan.MANY_CALLERS, () -> requireValid(auth.isTokenValid(tokens.any())));
            report.add(versus("1c", title, rate, RATE, reference, RedisBenchmark.Result::requestsPerSecond,
                    Goal.ratioAtLeast(10)));
        }
    }

    private void latencyFigures(MpAuthX auth, LiveTokens tokens, Reference one, Reference many) {
        Runnable check = () -> requireValid(auth.isTokenValid(tokens.any()));
        Latencies alone = driver().latencies(1, check);
        report.add(versus("2a", "isTokenValid p50, 1 caller", alone.percentileMicros(0.50), MICROS, one,
                RedisBenchmark.Result::p50Micros, Goal.NONE));
        report.add(versus("2b", "isTokenValid p99, 1 caller", alone.percentileMicros(0.99), MICROS, one,
                RedisBenchmark.Result::p99Micros, Goal.NONE));
        Latencies crowded = driver().latencies(Plan.MANY_CALLERS, check);
        report.add(versus("2c", "isTokenValid p50, 64 callers", crowded.percentileMicros(0.50), MICROS, many,
                RedisBenchmark.Result::p50Micros, Goal.NONE));
        report.add(versus("2d", "isTokenValid p99, 64 callers", crowded.percentileMicros(0.99), MICROS, many,
                RedisBenchmark.Result::p99Micros, Goal.NONE));
    }

    private Figure versus(String id, String title, double value, String unit, Reference reference,
                          Function<RedisBenchmark.Result, Double> referenceValue, Goal goal) {
        String label = "redis-benchmark GET -c " + reference.clients();
        return reference.result()
                .map(result -> Figure.measured(id, title, value, unit, label, referenceValue.apply(result), goal))
                .orElseGet(() -> Figure.withoutReference(id, title, value, unit, label,
                        redisBenchmark.unavailableReason(), goal));
    }

    /** A redis-benchmark run and its client count, which names it even when there was no binary to run. */
    private record Reference(int clients, Optional<RedisBenchmark.Result> result) {
    }

    /** Without the near cache (on by default with redis(uri)): figures 1a, 1b and 2 measure one round trip a check. */
    private MpAuthXBuilder builder() {
        return MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .redis(redis.uri()).nearCache(NearCacheSettings.disabled()).inMemoryUserRepository();
    }

    private LoadDriver driver() {
        return new LoadDriver(plan.warmup(), plan.measure());
    }

    /** A check that answers false would measure the wrong path: the benchmark stops instead. */
    private static void requireValid(boolean valid) {
        if (!valid) {
            throw new IllegalStateException("a live token was reported invalid");
        }
    }
}
