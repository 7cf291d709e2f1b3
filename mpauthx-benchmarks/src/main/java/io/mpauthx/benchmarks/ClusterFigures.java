package io.mpauthx.benchmarks;

import io.mpauthx.adapter.redis.RedisSettings;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.testkit.redis.LocalRedisCluster;
import io.mpauthx.testkit.redis.LocalRedisServer;

import static io.mpauthx.benchmarks.LiveTokens.requireValid;

/**
 * Figures 8a and 8b: {@code isTokenValid} on a Redis Cluster (the testkit's three primaries with a replica each)
 * next to the same on the single redis-server, measured right before it in the same run. The six cluster nodes,
 * the single server and this JVM share the machine's cores, so the ratio shows what a cluster costs the client
 * (routing by slot, a connection per node), not a cluster's capacity, which grows with machines.
 */
final class ClusterFigures {

    private static final int USERS = 1_000;
    private static final String RATE = "calls/s";
    private static final String SINGLE = "the same on one redis-server";

    private final LocalRedisServer redis;
    private final Plan plan;
    private final Report report;

    ClusterFigures(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.plan = plan;
        this.report = report;
    }

    void run() {
        try (LocalRedisCluster cluster = LocalRedisCluster.start()) {
            String[] seeds = cluster.seedUris().toArray(String[]::new);
            LiveTokens onSingle = LiveTokens.issue(redis.uri(), USERS);
            LiveTokens onCluster = LiveTokens.issue(RedisSettings.builder().cluster(seeds).build(), USERS, 1);
            try (MpAuthX single = builder().redis(redis.uri()).nearCache(NearCacheSettings.disabled()).build();
                 MpAuthX clustered = builder().redisCluster(seeds).build()) {
                double singleBlocking = blocking(single, onSingle);
                report.add(Figure.measured("8a", "isTokenValid blocking on a Cluster, 64 threads",
                        blocking(clustered, onCluster), RATE, SINGLE, singleBlocking, Goal.NONE));
                double singleAsync = async(single, onSingle);
                report.add(Figure.measured("8b", "isTokenValidAsync on a Cluster, 64 in flight",
                        async(clustered, onCluster), RATE, SINGLE, singleAsync, Goal.NONE));
            }
        }
    }

    private double blocking(MpAuthX auth, LiveTokens tokens) {
        return driver().throughput(Plan.MANY_CALLERS, () -> requireValid(auth.isTokenValid(tokens.any())));
    }

    private double async(MpAuthX auth, LiveTokens tokens) {
        return driver().asyncThroughput(Plan.MANY_CALLERS,
                () -> auth.isTokenValidAsync(tokens.any()).thenAccept(LiveTokens::requireValid));
    }

    private MpAuthXBuilder builder() {
        return MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .inMemoryUserRepository();
    }

    private LoadDriver driver() {
        return new LoadDriver(plan.warmup(), plan.measure());
    }
}
