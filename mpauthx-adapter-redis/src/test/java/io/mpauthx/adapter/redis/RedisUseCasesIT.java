package io.mpauthx.adapter.redis;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.service.UseCasesContract;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

/** The whole behaviour of SPEC §4 with tokens in a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisUseCasesIT extends UseCasesContract {

    private final LocalRedisServer redis;

    RedisUseCasesIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected TokenStore newTokenStore() {
        return TestRedis.store(redis);
    }

    @Override
    protected UserRepository newUserRepository() {
        return InMemoryAdapters.userRepository(Clock.systemUTC());
    }
}
