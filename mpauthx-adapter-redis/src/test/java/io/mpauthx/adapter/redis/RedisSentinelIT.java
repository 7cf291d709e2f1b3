package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreContract;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.redis.LocalRedisSentinel;
import io.mpauthx.testkit.redis.RedisSentinelExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on a Sentinel-managed primary: same contract, writes on the primary the sentinels name. */
@ExtendWith(RedisSentinelExtension.class)
class RedisSentinelIT {

    private final LocalRedisSentinel redis;

    RedisSentinelIT(LocalRedisSentinel redis) {
        this.redis = redis;
    }

    static TokenStore store(LocalRedisSentinel redis) {
        return RedisAdapters.tokenStore(RedisSettings.builder().uri(redis.uri()).build());
    }

    /** The shared contract through the sentinels' URI. */
    @Nested
    class Contract extends TokenStoreContract {

        @Override
        protected TokenStore newStore() {
            return store(redis);
        }
    }

    @Test
    void tokensAreWrittenToThePrimaryTheSentinelsNameAndReachItsReplica() {
        TokenOwner owner = new TokenOwner(Sku.of("shop"), UserId.of("oSentinel"));
        TokenHash hash = TokenHash.ofSecret("sentinel");
        try (TokenStore store = store(redis)) {
            store.issue(owner, NewToken.of(hash, Duration.ofHours(1)), 10);

            String key = OwnerKey.of(owner);
            assertThat(exists(redis.currentPrimary().uri(), key)).isTrue();
            Await.until(Duration.ofSeconds(5), () -> exists(redis.initialReplica().uri(), key),
                    "the replica to receive the token");
        }
    }

    private static boolean exists(String uri, String key) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().exists(key) == 1L;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
