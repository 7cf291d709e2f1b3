package io.mpauthx.adapter.redis;

import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The original's KEYS made every login cost O(all keys); this store never walks the keyspace. */
@ExtendWith(RedisServerExtension.class)
class RedisNoScanIT {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void noOperationScansTheKeyspaceAmongManyUnrelatedKeys(LocalRedisServer server) {
        try (TestRedis redis = TestRedis.inspect(server); TokenStore store = TestRedis.store(server)) {
            redis.fillWithUnrelatedKeys(200_000);
            redis.commands().configResetstat();
            TokenOwner owner = new TokenOwner(Sku.of("shop"), UserId.of("oNoScan"));
            TokenHash first = TokenHash.ofSecret("first");

            store.issue(owner, NewToken.of(first, HOUR), 2);
            store.issue(owner, NewToken.of(TokenHash.ofSecret("second"), HOUR), 2);
            store.issue(owner, NewToken.of(TokenHash.ofSecret("third"), HOUR), 2);
            store.replaceAll(owner, NewToken.of(TokenHash.ofSecret("refreshed"), HOUR));
            store.isLive(owner, first);
            store.isLiveAsync(owner, first).toCompletableFuture().join();
            store.liveTokens(owner);
            store.revoke(owner, TokenHash.ofSecret("refreshed"));
            store.revokeAll(owner);

            assertThat(redis.calls("evalsha")).as("the statistics see the store's commands, checks too").isEqualTo(9);
            assertThat(redis.calls("keys")).isZero();
            assertThat(redis.calls("scan")).isZero();
            assertThat(redis.commands().dbsize()).isEqualTo(200_000);
        }
    }
}
