package io.mpauthx.benchmarks;

import io.mpauthx.domain.TokenHash;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 5: Redis memory per live token, the {@code MEMORY USAGE} of every key mpauthx wrote (one hash per user)
 * averaged over the tokens: with one token per user, so that each pays for a whole key, and with ten per user (the
 * default cap), so that ten share one. The reference is the least a token can cost: one plain string naming the
 * token's hash, holding its issue time.
 */
final class TokenMemoryFigure {

    private static final int FLOOR_KEYS = 1_000;
    /** A user logged in on as many devices as the default cap allows. */
    private static final int MANY_DEVICES = 10;
    private static final String BYTES = "bytes";
    /** A user on one device pays for a whole key. */
    private static final double ONE_DEVICE_GOAL = 160;
    /** Ten tokens share a key. */
    private static final double MANY_DEVICES_GOAL = 90;

    private final LocalRedisServer redis;
    private final Plan plan;
    private final Report report;

    TokenMemoryFigure(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.plan = plan;
        this.report = report;
    }

    void run() {
        try (RedisInspector direct = new RedisInspector(redis.uri())) {
            direct.flushAll();
            double floor = floorPerToken(direct);
            measure(direct, "5a", 1, floor, ONE_DEVICE_GOAL);
            measure(direct, "5b", MANY_DEVICES, floor, MANY_DEVICES_GOAL);
        }
    }

    private void measure(RedisInspector direct, String id, int perUser, double floor, double goal) {
        long before = direct.usedMemory();
        LiveTokens tokens = LiveTokens.issue(redis.uri(), plan.memoryTokens(), perUser);
        long grown = direct.usedMemory() - before;
        long[] usage = direct.memoryUsage("mpauthx:*");
        double perToken = (double) usage[0] / tokens.size();
        report.add(Figure.measured(id, "Redis memory per token, " + perUser + " per user (the user's key)", perToken,
                BYTES, "one plain string per token", floor, Goal.valueAtMost(goal, BYTES)));
        report.note(String.format(Locale.ROOT, "%d tokens, %d keys; used_memory grew %s bytes per token (with"
                + " expiry and dictionary entries)", tokens.size(), usage[1], Figure.format((double) grown
                / tokens.size())));
        direct.flushAll();
    }

    private static double floorPerToken(RedisInspector direct) {
        List<String> keys = new ArrayList<>(FLOOR_KEYS);
        for (int i = 0; i < FLOOR_KEYS; i++) {
            String key = TokenHash.ofSecret("floor-" + i).value();
            direct.commands().psetex(key, LiveTokens.TTL.toMillis(), Long.toString(1_763_900_000_000_000L + i));
            keys.add(key);
        }
        double perKey = (double) direct.memoryUsage(keys) / FLOOR_KEYS;
        direct.commands().del(keys.toArray(new String[0]));
        return perKey;
    }
}
