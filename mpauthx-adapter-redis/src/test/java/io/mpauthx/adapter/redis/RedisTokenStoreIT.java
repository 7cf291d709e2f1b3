package io.mpauthx.adapter.redis;

import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreContract;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void argumentsRedisCannotHonourAreProgrammingErrorsNotStoreFailures() {
        TokenOwner owner = newOwner();

        assertThatThrownBy(() -> store.issue(owner, NewToken.of(newHash(), Duration.ofNanos(999_999)), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.replaceAll(owner, NewToken.of(newHash(), Duration.ofDays(40_000))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.issue(owner, NewToken.of(newHash(), LONG_TTL), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.liveTokens(owner)).isEmpty();
    }
}
