package io.mpauthx.benchmarks;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.time.Clock;

/**
 * Figure 4: does {@code refreshToken} slow down as Redis fills with other applications' keys? Its median latency
 * with 1,000,000 unrelated keys, next to the same with none. The two are measured call by call in turn, on
 * two databases of one redis-server, so that both meet the same moments of a shared machine (measured one after
 * the other, the ratio swung between 0.9 and 2.7 with the machine's load). Users live in memory, so the figure
 * is Redis's alone.
 */
final class RefreshFigure {

    private static final int USERS = 100;
    /** The unrelated keys go to the default database; the same server's database 1 holds only tokens. */
    private static final int CROWDED_DB = 0;
    private static final int EMPTY_DB = 1;
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
        try (RedisInspector direct = new RedisInspector(redis.uri()); MpAuthX crowdedAuth = mpAuthX(CROWDED_DB);
             MpAuthX emptyAuth = mpAuthX(EMPTY_DB)) {
            direct.flushAll();
            String loadedBy = direct.populate(plan.unrelatedKeys());
            long keys = direct.keyCount();
            long[][] nanos = sampleInterleaved(crowdedAuth, emptyAuth);
            Latencies crowded = Latencies.of(nanos[0]);
            Latencies empty = Latencies.of(nanos[1]);
            report.add(Figure.measured("4", "refreshToken median, " + Figure.format(plan.unrelatedKeys())
                            + " unrelated keys", crowded.percentileMicros(0.5), MICROS,
                    "refreshToken median, no other keys", empty.percentileMicros(0.5), Goal.ratioAtMost(1.2)));
            report.note(String.format("%d keys in database %d (loaded by %s), none but the tokens in database %d,"
                            + " same server, calls alternating; p99 %s us with the keys, %s us without; %d calls each",
                    keys, CROWDED_DB, loadedBy, EMPTY_DB, Figure.format(crowded.percentileMicros(0.99)),
                    Figure.format(empty.percentileMicros(0.99)), crowded.count()));
            direct.flushAll();
        }
    }

    /**
     * One caller alternating between the two instances, after as many warm-up calls as measured ones, so that
     * both see the same moments of a shared machine.
     *
     * @return latencies with the unrelated keys, then without
     */
    private long[][] sampleInterleaved(MpAuthX crowded, MpAuthX empty) {
        for (int i = 0; i < plan.refreshSamples(); i++) {
            crowded.refreshToken(LiveTokens.openId(i % USERS));
            empty.refreshToken(LiveTokens.openId(i % USERS));
        }
        long[][] nanos = new long[2][plan.refreshSamples()];
        for (int i = 0; i < plan.refreshSamples(); i++) {
            // who goes first alternates too, in case the first call of a pair pays for waking something up
            if (i % 2 == 0) {
                nanos[0][i] = timed(crowded, i);
                nanos[1][i] = timed(empty, i);
            } else {
                nanos[1][i] = timed(empty, i);
                nanos[0][i] = timed(crowded, i);
            }
        }
        return nanos;
    }

    private static long timed(MpAuthX auth, int call) {
        long start = System.nanoTime();
        auth.refreshToken(LiveTokens.openId(call % USERS));
        return System.nanoTime() - start;
    }

    private MpAuthX mpAuthX(int database) {
        UserRepository users = InMemoryAdapters.userRepository(Clock.systemUTC());
        for (int i = 0; i < USERS; i++) {
            users.registerIfAbsent(UserId.of(LiveTokens.openId(i)));
        }
        return MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .redis(redis.uri() + "/" + database).userRepository(users).build();
    }
}
