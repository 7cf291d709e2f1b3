package io.mpauthx.adapter.redis;

import io.mpauthx.domain.port.in.CheckTokenUseCase;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.redis.LocalRedisCluster;
import io.mpauthx.testkit.redis.LocalRedisServer;

import java.util.ArrayList;
import java.util.List;

import static io.mpauthx.adapter.redis.RedisTokenStoreMeasurements.CHECKS;
import static io.mpauthx.adapter.redis.RedisTokenStoreMeasurements.THREADS;

/**
 * Check throughput on the testkit's Redis Cluster next to its single redis-server, in the same run, rounds
 * alternating so both see the same machine load. Not a test: speed is never asserted. Run it as docs/redis.md
 * shows.
 */
final class RedisClusterMeasurements {

    private static final int ROUNDS = 3;

    private RedisClusterMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalRedisServer server = LocalRedisServer.startOnFreePort();
             LocalRedisCluster cluster = LocalRedisCluster.start();
             TokenStore single = TestRedis.store(server);
             TokenStore clustered = TestCluster.store(cluster)) {
            List<String> singleTokens = new ArrayList<>();
            List<String> clusterTokens = new ArrayList<>();
            CheckTokenUseCase singleChecks = RedisTokenStoreMeasurements.loggedIn(single, singleTokens);
            CheckTokenUseCase clusterChecks = RedisTokenStoreMeasurements.loggedIn(clustered, clusterTokens);
            RedisTokenStoreMeasurements.runChecks(singleChecks, singleTokens, CHECKS);
            RedisTokenStoreMeasurements.runChecks(clusterChecks, clusterTokens, CHECKS);
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.printf("round %d: isTokenValid, %d threads: single node %.0f checks/s, cluster %.0f checks/s%n",
                        round, THREADS, RedisTokenStoreMeasurements.runChecks(singleChecks, singleTokens, CHECKS),
                        RedisTokenStoreMeasurements.runChecks(clusterChecks, clusterTokens, CHECKS));
                System.out.printf("round %d: isTokenValidAsync, %d in flight: single node %.0f checks/s, "
                                + "cluster %.0f checks/s%n", round, THREADS,
                        RedisTokenStoreMeasurements.runAsyncChecks(singleChecks, singleTokens, CHECKS),
                        RedisTokenStoreMeasurements.runAsyncChecks(clusterChecks, clusterTokens, CHECKS));
            }
        }
    }
}
