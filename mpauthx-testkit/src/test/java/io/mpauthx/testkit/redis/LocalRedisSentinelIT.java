package io.mpauthx.testkit.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisSentinelExtension.class)
class LocalRedisSentinelIT {

    @Test
    void sentinelsPromoteTheReplicaWhenThePrimaryCrashes(LocalRedisSentinel redis) {
        assertThat(redis.uri()).startsWith("redis-sentinel://127.0.0.1:").endsWith("#mpauthx");
        assertThat(redis.sentinels()).hasSize(3).allMatch(LocalRedisServer::ping);
        assertThat(redis.currentPrimary()).isEqualTo(redis.initialPrimary());

        redis.initialPrimary().crash();
        redis.awaitPrimary(redis.initialReplica());

        assertThat(redis.currentPrimary()).isEqualTo(redis.initialReplica());
    }
}
