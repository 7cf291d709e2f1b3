package io.mpauthx.adapter.redis;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.cache.NearCache;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.net.SilentLinkProxy;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link to Redis that dies without closing (a lost host, a middlebox dropping traffic), made by a loopback proxy
 * that stops forwarding on the connections open at that moment and forwards new ones normally. The near cache stops
 * serving within its heartbeat bound, and checks are answered again on a fresh connection within seconds instead
 * of timing out for as long as the kernel would retransmit.
 */
@ExtendWith(RedisServerExtension.class)
class RedisSilentLinkIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final Duration HOUR = Duration.ofHours(1);
    /** "Within a few seconds": the timeout streak (3 × 500 ms), the heartbeat bound, a new connection. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(5);

    private final LocalRedisServer redis;
    private SilentLinkProxy proxy;
    private TokenStore direct;

    RedisSilentLinkIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    @BeforeEach
    void start() {
        proxy = SilentLinkProxy.start(redis.port());
        direct = TestRedis.store(redis);
    }

    @AfterEach
    void stop() {
        direct.close();
        proxy.close();
    }

    private RedisSettings throughProxy() {
        return RedisSettings.builder().uri("redis://127.0.0.1:" + proxy.port()).commandTimeout(COMMAND_TIMEOUT)
                .build();
    }

    @Test
    void aRevocationLostOnASilentLinkIsHonouredWithinTheHeartbeatBoundAndChecksRecoverOnAFreshConnection() {
        NearCacheSettings settings = NearCacheSettings.defaults();
        NearCache cache = new NearCache(1_000, settings.maxStaleness(), settings.heartbeatBound(), System::nanoTime);
        TokenOwner owner = newOwner();
        TokenHash revoked = newHash();
        TokenHash kept = newHash();
        try (TokenStore nearCached = RedisAdapters.nearCached(throughProxy(), settings, cache)) {
            direct.issue(owner, NewToken.of(revoked, HOUR), 10);
            direct.issue(owner, NewToken.of(kept, HOUR), 10);
            Await.until(Duration.ofSeconds(5), () -> nearCached.isLive(owner, revoked)
                    && cache.isKnownLive(OwnerKey.of(owner), revoked.value()), "the token is cached");

            proxy.silenceOpenConnections();
            direct.revoke(owner, revoked);
            long revokedAt = System.nanoTime();

            Duration staleWindow = lastTrueAfter(revokedAt, () -> answer(nearCached, owner, revoked));
            Duration recovery = firstAnswerAfter(revokedAt, () -> answer(nearCached, owner, kept));

            System.out.printf("silent link, near cache: stale window %d ms (bound %d ms), checks answered again "
                    + "after %d ms%n", staleWindow.toMillis(), settings.heartbeatBound().toMillis(),
                    recovery.toMillis());
            assertThat(staleWindow).as("a revoked token answered valid after the revocation")
                    .isLessThanOrEqualTo(settings.heartbeatBound());
            assertThat(recovery).isLessThanOrEqualTo(RECOVERY_BOUND);
            assertThat(nearCached.isLive(owner, revoked)).isFalse();
            assertThat(proxy.acceptedConnections()).as("a new connection replaced the silent one").isGreaterThan(2);
        }
    }

    @Test
    void checksAndWritesOfThePlainStoreRecoverOnAFreshConnection() {
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        try (TokenStore plain = RedisAdapters.tokenStore(throughProxy())) {
            plain.issue(owner, NewToken.of(hash, HOUR), 10);
            assertThat(plain.isLive(owner, hash)).isTrue();

            proxy.silenceOpenConnections();
            long silencedAt = System.nanoTime();

            Duration checks = firstAnswerAfter(silencedAt, () -> answer(plain, owner, hash));
            Duration writes = firstAnswerAfter(silencedAt, () -> {
                try {
                    return Optional.of(plain.revoke(owner, hash));
                } catch (MpAuthXException timedOut) {
                    assertThat(timedOut.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                    return Optional.empty();
                }
            });

            System.out.printf("silent link, plain store: checks answered again after %d ms%n", checks.toMillis());
            assertThat(checks).isLessThanOrEqualTo(RECOVERY_BOUND);
            assertThat(writes).isLessThanOrEqualTo(RECOVERY_BOUND);
            assertThat(plain.isLive(owner, hash)).isFalse();
        }
    }

    /** @return the check's answer, or empty when it failed with 6000 (the link is silent) */
    private static Optional<Boolean> answer(TokenStore store, TokenOwner owner, TokenHash hash) {
        try {
            return Optional.of(store.isLive(owner, hash));
        } catch (MpAuthXException failed) {
            assertThat(failed.statusCode()).as("a store failure, never an answer").isEqualTo(
                    StatusCode.DATABASE_RELATED_ERROR);
            return Optional.empty();
        }
    }

    /** Checks until an answer is false or fails; returns when the last "true" came, measured from {@code since}. */
    private static Duration lastTrueAfter(long since, Supplier<Optional<Boolean>> check) {
        long lastTrue = since;
        long deadline = since + RECOVERY_BOUND.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<Boolean> answer = check.get();
            if (answer.isPresent() && answer.get()) {
                lastTrue = System.nanoTime();
            } else {
                return Duration.ofNanos(lastTrue - since);
            }
        }
        throw new AssertionError("a revoked token was still answered valid " + RECOVERY_BOUND + " after it");
    }

    /** Checks until one is answered; returns when, measured from {@code since}. */
    private static <T> Duration firstAnswerAfter(long since, Supplier<Optional<T>> check) {
        long deadline = since + RECOVERY_BOUND.multipliedBy(2).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (check.get().isPresent()) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
        }
        throw new AssertionError("no answer within " + RECOVERY_BOUND.multipliedBy(2));
    }

    private static TokenOwner newOwner() {
        return new TokenOwner(Sku.of("shop"), UserId.of("o" + UUID.randomUUID().toString().replace("-", "")));
    }

    private static TokenHash newHash() {
        return TokenHash.ofSecret(UUID.randomUUID().toString());
    }
}
