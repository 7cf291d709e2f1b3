package io.mpauthx.benchmarks;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.time.Clock;

/**
 * Figure 4: does {@code refreshToken} slow down as Redis fills with other applications' keys? Its median latency
 * with 1,000,000 unrelated keys, next to the same with none. Users live in memory, so the figure is Redis's alone.
 */
final class RefreshFigure {

    private static final int USERS = 100;
    private static final String MICROS = "us";

    private final LocalRedisServer redis;
    private final Plan plan;
    private final Report report;

    RefreshFigure(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.plan = plan;
        this.report = report;
    }

    void run() {
        try (RedisInspector direct = new RedisInspector(redis.uri()); MpAuthX auth = mpAuthX()) {
            direct.flushAll();
            Latencies empty = sample(auth);
            String loadedBy = direct.populate(plan.unrelatedKeys());
            long keys = direct.keyCount();
            Latencies crowded = sample(auth);
            report.add(Figure.measured("4", "refreshToken median, " + Figure.format(plan.unrelatedKeys())
                            + " unrelated keys", crowded.percentileMicros(0.5), MICROS,
                    "refreshToken median, no other keys", empty.percentileMicros(0.5), Goal.ratioAtMost(1.2)));
            report.note(String.format("%d keys in Redis, loaded by %s; p99 %s us with them, %s us without; %d calls"
                            + " each", keys, loadedBy, Figure.format(crowded.percentileMicros(0.99)),
                    Figure.format(empty.percentileMicros(0.99)), crowded.count()));
            direct.flushAll();
        }
    }

    /** One caller, after as many warm-up calls as measured ones. */
    private Latencies sample(MpAuthX auth) {
        for (int i = 0; i < plan.refreshSamples(); i++) {
            auth.refreshToken(LiveTokens.openId(i % USERS));
        }
        long[] nanos = new long[plan.refreshSamples()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            auth.refreshToken(LiveTokens.openId(i % USERS));
            nanos[i] = System.nanoTime() - start;
        }
        return Latencies.of(nanos);
    }

    private MpAuthX mpAuthX() {
        UserRepository users = InMemoryAdapters.userRepository(Clock.systemUTC());
        for (int i = 0; i < USERS; i++) {
            users.registerIfAbsent(LiveTokens.openId(i));
        }
        return MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .redis(redis.uri()).userRepository(users).build();
    }
}
