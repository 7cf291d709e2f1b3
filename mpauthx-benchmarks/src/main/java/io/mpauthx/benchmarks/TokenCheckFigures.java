package io.mpauthx.benchmarks;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.testkit.redis.LocalRedisServer;

import static io.mpauthx.benchmarks.LiveTokens.requireValid;

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
        GetReference many = GetReference.measure(redisBenchmark, Plan.MANY_CALLERS, plan.redisBenchmarkRequests());
        // one client is slower per request; a fifth of the requests keeps the run as short
        GetReference one = GetReference.measure(redisBenchmark, 1, plan.redisBenchmarkRequests() / 5);
        try (MpAuthX auth = builder().build()) {
            throughputFigures(auth, tokens, many);
        }
        nearCacheFigure(tokens, many);
        try (MpAuthX auth = builder().build()) {
            latencyFigures(auth, tokens, one, many);
        }
    }

    private void throughputFigures(MpAuthX auth, LiveTokens tokens, GetReference reference) {
        double blocking = driver().throughput(Plan.MANY_CALLERS, () -> requireValid(auth.isTokenValid(tokens.any())));
        report.add(reference.versus("1a", "isTokenValid blocking, 64 threads", blocking, RATE,
                RedisBenchmark.Result::requestsPerSecond, Goal.ratioAtLeast(1.0)));
        double async = driver().asyncThroughput(Plan.MANY_CALLERS,
                () -> auth.isTokenValidAsync(tokens.any()).thenAccept(LiveTokens::requireValid));
        report.add(reference.versus("1b", "isTokenValidAsync, 64 in flight", async, RATE,
                RedisBenchmark.Result::requestsPerSecond, Goal.ratioAtLeast(1.4)));
    }

    private void nearCacheFigure(LiveTokens tokens, GetReference reference) {
        String title = "isTokenValid near cache, 64 threads";
        try (MpAuthX auth = builder().nearCache(NearCacheSettings.defaults()).build()) {
            double rate = driver().throughput(Plan.MANY_CALLERS, () -> requireValid(auth.isTokenValid(tokens.any())));
            report.add(reference.versus("1c", title, rate, RATE, RedisBenchmark.Result::requestsPerSecond,
                    Goal.ratioAtLeast(10)));
        }
    }

    private void latencyFigures(MpAuthX auth, LiveTokens tokens, GetReference one, GetReference many) {
        Runnable check = () -> requireValid(auth.isTokenValid(tokens.any()));
        Latencies alone = driver().latencies(1, check);
        report.add(one.versus("2a", "isTokenValid p50, 1 caller", alone.percentileMicros(0.50), MICROS,
                RedisBenchmark.Result::p50Micros, Goal.NONE));
        report.add(one.versus("2b", "isTokenValid p99, 1 caller", alone.percentileMicros(0.99), MICROS,
                RedisBenchmark.Result::p99Micros, Goal.NONE));
        Latencies crowded = driver().latencies(Plan.MANY_CALLERS, check);
        report.add(many.versus("2c", "isTokenValid p50, 64 callers", crowded.percentileMicros(0.50), MICROS,
                RedisBenchmark.Result::p50Micros, Goal.NONE));
        report.add(many.versus("2d", "isTokenValid p99, 64 callers", crowded.percentileMicros(0.99), MICROS,
                RedisBenchmark.Result::p99Micros, Goal.NONE));
    }

    /** Without the near cache (on by default with redis(uri)): figures 1a, 1b and 2 measure one round trip a check. */
    private MpAuthXBuilder builder() {
        return MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .redis(redis.uri()).nearCache(NearCacheSettings.disabled()).inMemoryUserRepository();
    }

    private LoadDriver driver() {
        return new LoadDriver(plan.warmup(), plan.measure());
    }
}
