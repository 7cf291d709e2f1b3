package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two facades on one redis-server, B with the near cache: whatever A does to a token, or its TTL does, B sees
 * within 50 ms, every time; with Redis away B never answers from memory.
 */
@ExtendWith(RedisServerExtension.class)
class MpAuthXNearCacheIT {

    private static final Duration VISIBLE_WITHIN = Duration.ofMillis(50);
    private static final int REPETITIONS = 1_000;
    private static final Duration SHORT_TTL = Duration.ofMillis(200);
    private static final int EXPIRY_BATCH = 100;

    private final FakeWeChatGateway weChat = new FakeWeChatGateway();
    private final LocalRedisServer redis;

    MpAuthXNearCacheIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    private MpAuthXBuilder builder() {
        return MpAuthX.builder()
                .appId("wxapp").appSecret("app-secret-value").sku("shop")
                .inMemoryUserRepository()
                .weChatGateway(weChat).decryptor(new FakeDecryptor())
                .redis(redis.uri()).redisCommandTimeout(Duration.ofMillis(500));
    }

    @Test
    void aTokenRevokedOrRefreshedOnAIsInvalidOnBWithin50MillisecondsEveryTime() {
        try (MpAuthX a = builder().build(); MpAuthX b = builder().nearCache(NearCacheSettings.defaults()).build()) {
            for (int i = 0; i < REPETITIONS; i++) {
                String revoked = cachedOnB(a, b, "oRevoke" + i);
                a.revokeToken(revoked);
                awaitInvalid(b, revoked, "revoked on A, repetition " + i);

                String refreshed = cachedOnB(a, b, "oRefresh" + i);
                String fresh = a.refreshToken("oRefresh" + i).token();
                awaitInvalid(b, refreshed, "refreshed on A, repetition " + i);
                assertThat(b.isTokenValid(fresh)).isTrue();
            }
        }
    }

    @Test
    void aTokenCachedOnBIsInvalidWithin50MillisecondsOfItsExpiryEveryTime() {
        try (MpAuthX a = builder().tokenTtl(SHORT_TTL).build();
             MpAuthX b = builder().tokenTtl(SHORT_TTL).nearCache(NearCacheSettings.defaults()).build()) {
            for (int batch = 0; batch < REPETITIONS / EXPIRY_BATCH; batch++) {
                List<String> tokens = new ArrayList<>();
                List<Long> invalidBy = new ArrayList<>();
                for (int i = 0; i < EXPIRY_BATCH; i++) {
                    tokens.add(a.authorize(weChat.newCode("oExpiry" + batch + "x" + i, null)).token());
                    invalidBy.add(System.nanoTime() + SHORT_TTL.plus(VISIBLE_WITHIN).toNanos());
                    b.isTokenValid(tokens.get(i));
                }
                for (int i = 0; i < EXPIRY_BATCH; i++) {
                    String token = tokens.get(i);
                    Await.until(Duration.ofNanos(invalidBy.get(i) - System.nanoTime()), () -> !b.isTokenValid(token),
                            "invalid on B within 50 ms of its expiry, batch " + batch + " token " + i);
                }
            }
        }
    }

    @Test
    void withRedisKilledBNeverAnswersFromMemoryAndIsRightAfterTheRestart() {
        try (MpAuthX a = builder().build(); MpAuthX b = builder().nearCache(NearCacheSettings.defaults()).build()) {
            List<String> cached = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                cached.add(cachedOnB(a, b, "oKilled" + i));
            }

            redis.stop();
            Await.until(Duration.ofSeconds(5), () -> fails6000(b, cached.get(0)), "B fails once Redis is gone");
            for (String token : cached) {
                assertThat(fails6000(b, token)).as("answered from memory with Redis away").isTrue();
                assertThatThrownBy(() -> b.isTokenValidAsync(token).toCompletableFuture().join())
                        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(MpAuthXException.class);
            }
            redis.start();

            Await.until(Duration.ofSeconds(15), () -> answers(b, cached.get(0)) && issues(a),
                    "A and B work once Redis is back");
            assertThat(cached).allSatisfy(token ->
                    assertThat(b.isTokenValid(token)).as("the restarted Redis persisted nothing").isFalse());
            String fresh = cachedOnB(a, b, "oAfterRestart");
            a.revokeToken(fresh);
            awaitInvalid(b, fresh, "revoked on A after the restart");
        } finally {
            redis.start();
        }
    }

    @Test
    void theNearCacheIsOnByDefaultRefusedWithoutRedisAndShownInTheConfiguration() {
        assertThatThrownBy(() -> builder().inMemoryTokenStore().nearCache(NearCacheSettings.defaults()).buildConfig())
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
                    assertThat(e.getMessage()).contains("nearCache(...) needs redis(uri) or postgresTokenStore()");
                });
        assertThat(builder().buildConfig().toString()).contains("NearCacheSettings[maxEntries=100000");
        assertThat(builder().nearCache(NearCacheSettings.disabled()).buildConfig().toString())
                .contains("NearCacheSettings[disabled]");
        assertThat(builder().nearCache(NearCacheSettings.builder().maxEntries(7).build()).buildConfig().toString())
                .contains("NearCacheSettings[maxEntries=7, maxStaleness=PT30S, heartbeatInterval=PT0.25S, "
                        + "heartbeatTimeout=PT0.5S]");
    }

    private String cachedOnB(MpAuthX a, MpAuthX b, String userId) {
        String token = a.authorize(weChat.newCode(userId, null)).token();
        assertThat(b.isTokenValid(token)).isTrue();
        return token;
    }

    private static void awaitInvalid(MpAuthX b, String token, String why) {
        Await.until(VISIBLE_WITHIN, () -> !b.isTokenValid(token), "invalid on B once " + why);
    }

    private static boolean fails6000(MpAuthX auth, String token) {
        try {
            auth.isTokenValid(token);
            return false;
        } catch (MpAuthXException failure) {
            return failure.statusCode() == StatusCode.DATABASE_RELATED_ERROR;
        }
    }

    private boolean issues(MpAuthX auth) {
        try {
            auth.authorize(weChat.newCode("oBack", null));
            return true;
        } catch (MpAuthXException stillAway) {
            return false;
        }
    }

    private static boolean answers(MpAuthX auth, String token) {
        try {
            auth.isTokenValid(token);
            return true;
        } catch (MpAuthXException stillAway) {
            return false;
        }
    }
}
