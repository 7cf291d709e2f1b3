package io.mpauthx.adapter.redis;

import io.mpauthx.domain.port.out.SharedAppAccessToken;
import io.mpauthx.domain.port.out.SharedAppAccessTokenContract;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

/** The shared access_token contract on a real redis-server, each instance on a store of its own. */
@ExtendWith(RedisServerExtension.class)
class RedisSharedAppAccessTokenIT extends SharedAppAccessTokenContract {

    private final LocalRedisServer redis;
    private final List<TokenStore> stores = new ArrayList<>();

    RedisSharedAppAccessTokenIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected SharedAppAccessToken instanceOf(String appId) {
        TokenStore store = TestRedis.store(redis);
        stores.add(store);
        return RedisAdapters.sharedAppAccessToken(store, appId);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(TokenStore::close);
    }
}
