package io.mpauthx.adapter.redis;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.service.AuthorizeContract;
import io.mpauthx.domain.service.CheckTokenContract;
import io.mpauthx.domain.service.FindUserContract;
import io.mpauthx.domain.service.ManageTokensContract;
import io.mpauthx.domain.service.UseCaseStores;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

/** The whole behaviour of the use cases with tokens in a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisUseCasesIT {

    private final UseCaseStores redis;

    RedisUseCasesIT(LocalRedisServer server) {
        this.redis = UseCaseStores.of(() -> TestRedis.store(server),
                () -> InMemoryAdapters.userRepository(Clock.systemUTC()));
    }

    @Nested
    class Authorize extends AuthorizeContract {
        @Override
        protected UseCaseStores stores() {
            return redis;
        }
    }

    @Nested
    class CheckTokens extends CheckTokenContract {
        @Override
        protected UseCaseStores stores() {
            return redis;
        }
    }

    @Nested
    class ManageTokens extends ManageTokensContract {
        @Override
        protected UseCaseStores stores() {
            return redis;
        }
    }

    @Nested
    class FindUsers extends FindUserContract {
        @Override
        protected UseCaseStores stores() {
            return redis;
        }
    }
}
