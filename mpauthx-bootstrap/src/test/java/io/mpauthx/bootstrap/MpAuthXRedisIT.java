package io.mpauthx.bootstrap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade with tokens in a real redis-server, chosen by {@code redis(uri)} or the environment. */
@ExtendWith(RedisServerExtension.class)
class MpAuthXRedisIT {

    private static final String PASSWORD = "redis-pass-value";

    private final FakeWeChatGateway weChat = new FakeWeChatGateway();
    private final LocalRedisServer redis;

    MpAuthXRedisIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    private MpAuthXBuilder builder() {
        return MpAuthX.builder()
                .appId("wxapp").appSecret("app-secret-value").sku("shop")
                .inMemoryUserRepository()
                .weChatGateway(weChat).decryptor(new FakeDecryptor());
    }

    @Test
    void tokensLiveInRedisAcrossFacadeInstances() {
        try (MpAuthX first = builder().redis(redis.uri()).build();
             MpAuthX second = builder().redis(redis.uri()).build()) {
            String phone = first.authorize(weChat.newCode("oRedis", null)).token();
            String tablet = first.authorize(weChat.newCode("oRedis", null)).token();

            assertThat(second.isTokenValid(phone)).isTrue();
            assertThat(second.isTokenValidAsync(tablet).toCompletableFuture().join()).isTrue();
            assertThat(second.activeTokens("oRedis")).hasSize(2);
            assertThat(second.revokeToken(phone)).isTrue();
            assertThat(first.isTokenValid(phone)).isFalse();
            assertThat(second.revokeAllTokens("oRedis")).isEqualTo(1);
            assertThat(first.isTokenValid(tablet)).isFalse();
        }
    }

    @Test
    void redisAwayIsAnErrorAndTheSameFacadeRecovers() {
        try (MpAuthX auth = builder().redis(redis.uri()).redisCommandTimeout(Duration.ofMillis(500)).build()) {
            String token = auth.authorize(weChat.newCode("oAway", null)).token();

            redis.stop();
            assertThatThrownBy(() -> auth.isTokenValid(token)).isInstanceOfSatisfying(MpAuthXException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
            redis.start();

            Await.until(Duration.ofSeconds(15), () -> answers(auth), "the facade works once Redis is back");
        } finally {
            redis.start();
        }
    }

    private boolean answers(MpAuthX auth) {
        try {
            return auth.isTokenValid(auth.authorize(weChat.newCode("oBack", null)).token());
        } catch (MpAuthXException stillAway) {
            return false;
        }
    }

    @Test
    void passwordComesFromTheOriginalsVariableOrTheBuilderAndIsNeverShown() {
        withPassword(() -> {
            MpAuthXBuilder fromEnvironment = builder().fromEnvironment(Map.of(
                    "MPAUTHX_REDIS_URI", redis.uri(), "MPAUTHX_REDISPASS", PASSWORD));
            assertThat(fromEnvironment.buildConfig().toString()).contains(redis.uri()).doesNotContain(PASSWORD);
            try (MpAuthX auth = fromEnvironment.build()) {
                assertThat(auth.isTokenValid(auth.authorize(weChat.newCode("oPass", null)).token())).isTrue();
            }
            assertThatThrownBy(() -> builder().redis(redis.uri()).redisPassword("wrong-pass").build())
                    .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                        assertThat(e.getMessage()).doesNotContain("wrong-pass");
                    });
        });
    }

    @Test
    void invalidRedisSettingsAreNamedBeforeAnythingConnects() {
        assertRefused(builder().redis("http://cache:6379"), "redis: not a Redis URI");
        assertRefused(builder().redis(redis.uri()).redisCommandTimeout(Duration.ZERO), "redis: ", "timeout");
        assertThatThrownBy(() -> builder().fromEnvironment(Map.of("MPAUTHX_REDIS_URI", redis.uri(),
                "MPAUTHX_REDIS_COMMAND_TIMEOUT_MILLIS", "0")))
                .hasMessageContaining("MPAUTHX_REDIS_COMMAND_TIMEOUT_MILLIS must be a whole number of at least 1");
        assertThatThrownBy(() -> builder().fromEnvironment(Map.of("MPAUTHX_REDIS_COMMAND_TIMEOUT_MILLIS", "soon")))
                .hasMessageContaining("MPAUTHX_REDIS_COMMAND_TIMEOUT_MILLIS");
    }

    @Test
    void aLaterTokenStoreChoiceReplacesRedis() {
        MpAuthXConfig config = builder().redis("redis://unreachable.invalid:6379").inMemoryTokenStore().buildConfig();
        assertThat(config.toString()).contains("tokenStore=in-memory");
    }

    private static void assertRefused(MpAuthXBuilder builder, String... fragments) {
        assertThatThrownBy(builder::buildConfig).isInstanceOfSatisfying(MpAuthXException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
            assertThat(e.getMessage()).contains(fragments);
        });
    }

    private void withPassword(Runnable test) {
        requirePassword(redis.uri(), PASSWORD);
        try {
            test.run();
        } finally {
            requirePassword(redis.uri().replace("redis://", "redis://:" + PASSWORD + "@"), "");
        }
    }

    private static void requirePassword(String uri, String password) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().configSet("requirepass", password);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
