package io.mpauthx.adapter.redis;

import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreContract;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared token store contract, on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisTokenStoreIT extends TokenStoreContract {

    private final LocalRedisServer redis;

    RedisTokenStoreIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected TokenStore newStore() {
        return TestRedis.store(redis);
    }
}
