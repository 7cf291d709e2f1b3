package io.mpauthx.adapter.redis;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.cache.NearCache;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreContract;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The near-cached store on a real redis-server: it keeps the token store contract, answers repeated checks from
 * memory, and hears of every change made elsewhere from Redis; with Redis away it never answers from memory.
 */
@ExtendWith(RedisServerExtension.class)
class NearCachedTokenStoreIT extends TokenStoreContract {

    /** What is allowed between a change on one instance and its visibility on another. */
    private static final Duration VISIBLE_WITHIN = Duration.ofMillis(50);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(15);

    private final LocalRedisServer redis;
    private NearCache cache;

    NearCachedTokenStoreIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected TokenStore newStore() {
        NearCacheSettings settings = NearCacheSettings.builder().maxEntries(1_000).build();
        cache = new NearCache(settings.maxEntries(), settings.maxStaleness(), settings.heartbeatBound(),
                System::nanoTime);
        return RedisAdapters.nearCached(
                RedisSettings.builder().uri(redis.uri()).commandTimeout(COMMAND_TIMEOUT).build(), settings, cache);
    }

    @AfterEach
    void redisIsBack() {
        redis.start();
    }

    @Test
    void aRepeatedCheckOfALiveTokenIsAnsweredFromMemory() {
        try (TestRedis inspect = TestRedis.inspect(redis)) {
            TokenOwner owner = newOwner();
            TokenHash hash = newHash();
            store.issue(owner, NewToken.of(hash, LONG_TTL), 10);
            assertThat(store.isLive(owner, hash)).isTrue();
            long reads = inspect.calls("evalsha");

            for (int i = 0; i < 100; i++) {
                assertThat(store.isLive(owner, hash)).isTrue();
                assertThat(store.isLiveAsync(owner, hash).toCompletableFuture().join()).isTrue();
            }
            assertThat(store.isLive(owner, newHash())).isFalse();

            assertThat(inspect.calls("evalsha")).as("only the unknown token was read again").isEqualTo(reads + 1);
        }
    }

    @Test
    void everyChangeMadeElsewhereReachesTheCacheThroughRedis() {
        try (TokenStore elsewhere = TestRedis.store(redis); TestRedis inspect = TestRedis.inspect(redis)) {
            TokenOwner owner = newOwner();
            TokenHash revoked = issuedAndCached(elsewhere, owner, 10);
            TokenHash evicted = issuedAndCached(elsewhere, owner, 10);
            TokenHash replaced = issuedAndCached(elsewhere, owner, 10);

            elsewhere.revoke(owner, revoked);
            awaitNotLive(owner, revoked, "revoked elsewhere");
            elsewhere.issue(owner, NewToken.of(newHash(), LONG_TTL), 1);
            awaitNotLive(owner, evicted, "evicted by the cap elsewhere");
            awaitNotLive(owner, replaced, "evicted by the cap elsewhere");

            TokenHash refreshed = issuedAndCached(elsewhere, owner, 10);
            elsewhere.replaceAll(owner, NewToken.of(newHash(), LONG_TTL));
            awaitNotLive(owner, refreshed, "refreshed elsewhere");
            TokenHash revokedAll = issuedAndCached(elsewhere, owner, 10);
            elsewhere.revokeAll(owner);
            awaitNotLive(owner, revokedAll, "revoked with all of its owner's elsewhere");
            TokenHash flushed = issuedAndCached(elsewhere, owner, 10);
            inspect.commands().flushall();
            awaitNotLive(owner, flushed, "Redis flushed");
        }
    }

    @Test
    void aCachedTokenEndsWithItsLifetime() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        store.issue(owner, NewToken.of(hash, SHORT_TTL), 10);
        long deadline = System.nanoTime() + SHORT_TTL.plus(VISIBLE_WITHIN).toNanos();
        assertThat(store.isLive(owner, hash)).isTrue();
        assertThat(cache.isKnownLive(OwnerKey.of(owner), hash.value())).isTrue();

        Await.until(SHORT_TTL.plus(VISIBLE_WITHIN), () -> !store.isLive(owner, hash), "expired");
        assertThat(System.nanoTime()).isLessThan(deadline);
    }

    @Test
    void writesOnThisInstanceVoidItsAnswersBeforeTheyReturn() {
        TokenOwner owner = newOwner();
        TokenHash oldest = issuedAndCached(store, owner, 2);
        TokenHash middle = issuedAndCached(store, owner, 2);
        store.issue(owner, NewToken.of(newHash(), LONG_TTL), 2);
        assertThat(store.isLive(owner, oldest)).as("evicted by the cap").isFalse();

        store.revoke(owner, middle);
        assertThat(store.isLive(owner, middle)).as("revoked").isFalse();

        TokenHash refreshed = issuedAndCached(store, owner, 10);
        store.replaceAll(owner, NewToken.of(newHash(), LONG_TTL));
        assertThat(store.isLive(owner, refreshed)).as("replaced").isFalse();

        TokenHash revokedAll = issuedAndCached(store, owner, 10);
        store.revokeAll(owner);
        assertThat(store.isLive(owner, revokedAll)).as("revoked with all").isFalse();
    }

    @Test
    void withRedisAwayNothingIsAnsweredFromMemoryAndAfterItsReturnAnswersAreRight() {
        TokenOwner owner = newOwner();
        TokenHash hash = issuedAndCached(store, owner, 10);

        redis.stop();

        Await.until(RECOVERY_WAIT, () -> !cache.isTracking(), "the dropped connection ends tracking");
        assertThat(cache.size()).isZero();
        for (int i = 0; i < 20; i++) {
            assertFails6000(() -> store.isLive(owner, hash));
            assertFails6000(() -> store.isLiveAsync(owner, hash).toCompletableFuture().join());
        }

        redis.start();

        Await.until(RECOVERY_WAIT, answersAgain(owner, hash), "checks answer once Redis is back");
        assertThat(store.isLive(owner, hash)).as("the restarted Redis persisted nothing").isFalse();
        Await.until(RECOVERY_WAIT, () -> issues(owner) && cache.isTracking(), "issuing and tracking are back");
        TokenHash fresh = issuedAndCached(store, owner, 10);
        try (TokenStore elsewhere = TestRedis.store(redis)) {
            elsewhere.revoke(owner, fresh);
        }
        awaitNotLive(owner, fresh, "revoked elsewhere after the restart");
    }

    /**
     * A read whose answer meets the invalidation of an earlier write of the same owner on its way is not cached
     * (it cannot tell whether the change came before it or after), so caching may take a second check.
     */
    private TokenHash issuedAndCached(TokenStore issuer, TokenOwner owner, int cap) {
        TokenHash hash = newHash();
        issuer.issue(owner, NewToken.of(hash, LONG_TTL), cap);
        Await.until(VISIBLE_WITHIN, () -> store.isLive(owner, hash) && cache.isKnownLive(OwnerKey.of(owner),
                hash.value()), "live and cached");
        return hash;
    }

    private void awaitNotLive(TokenOwner owner, TokenHash hash, String why) {
        Await.until(VISIBLE_WITHIN, () -> !store.isLive(owner, hash), "not live once " + why);
    }

    /** Both connections reconnect on their own schedules; the store's own one carries the writes. */
    private boolean issues(TokenOwner owner) {
        try {
            store.issue(owner, NewToken.of(newHash(), LONG_TTL), 10);
            return true;
        } catch (MpAuthXException stillAway) {
            return false;
        }
    }

    private BooleanSupplier answersAgain(TokenOwner owner, TokenHash hash) {
        return () -> {
            try {
                store.isLive(owner, hash);
                return true;
            } catch (MpAuthXException stillAway) {
                return false;
            }
        };
    }

    private static void assertFails6000(Runnable check) {
        assertThatThrownBy(check::run).satisfies(thrown -> {
            Throwable failure = thrown.getCause() instanceof MpAuthXException cause ? cause : thrown;
            assertThat(failure).isInstanceOfSatisfying(MpAuthXException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
        });
    }
}
