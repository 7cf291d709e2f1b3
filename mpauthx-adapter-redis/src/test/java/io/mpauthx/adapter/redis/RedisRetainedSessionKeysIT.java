package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.RetainedSessionKeys;
import io.mpauthx.domain.port.out.RetainedSessionKeysContract;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The retained session-key contract on a real redis-server, and where the key lives. */
@ExtendWith(RedisServerExtension.class)
class RedisRetainedSessionKeysIT extends RetainedSessionKeysContract {

    private final LocalRedisServer server;
    private TokenStore store;

    RedisRetainedSessionKeysIT(LocalRedisServer redis) {
        server = redis;
    }

    @Override
    protected RetainedSessionKeys newStore() {
        store = TestRedis.store(server);
        return RedisAdapters.retainedSessionKeys(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theKeyLivesUnderTheUsersHashTagWithTheRetentionAsTtl() {
        TokenOwner owner = new TokenOwner(Sku.of("shop"), UserId.of("oTagged"));
        RetainedSessionKeys keys = RedisAdapters.retainedSessionKeys(store);

        keys.keep(owner, "v1.sealed", Duration.ofDays(3));

        assertThat(RedisRetainedSessionKeys.keyOf(owner)).isEqualTo("mpauthx:{shop:oTagged}:sk");
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().pttl("mpauthx:{shop:oTagged}:sk"))
                    .isBetween(Duration.ofDays(3).minusMinutes(1).toMillis(), Duration.ofDays(3).toMillis());
        } finally {
            client.shutdown();
        }
    }
}
