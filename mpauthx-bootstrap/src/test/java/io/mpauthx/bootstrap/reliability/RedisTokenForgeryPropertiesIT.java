package io.mpauthx.bootstrap.reliability;

import io.mpauthx.adapter.redis.RedisAdapters;
import io.mpauthx.adapter.redis.RedisSettings;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.redis.LocalRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Token forgery against a real redis-server: one round trip per try, so it fits 10,000 tries. */
class RedisTokenForgeryPropertiesIT extends TokenForgeryContract {

    private static LocalRedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedisServer.startOnFreePort();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected TokenStore newTokenStore() {
        return RedisAdapters.tokenStore(RedisSettings.builder().uri(redis.uri()).build());
    }
}
