package io.mpauthx.bootstrap;

import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is optional: run by its own failsafe execution whose class path lacks micrometer-core and what it
 * brings (the module's pom), this application logs in, checks and refreshes on Redis with the near cache.
 */
class MpAuthXWithoutMicrometerIT {

    @Test
    void theFacadeWorksWithoutMicrometerOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .as("this test's class path must not hold Micrometer").isInstanceOf(ClassNotFoundException.class);
        try (LocalRedisServer redis = LocalRedisServer.startOnFreePort();
             WeChatSandbox weChat = WeChatSandbox.start("wx-no-metrics", "no-metrics-secret");
             MpAuthX auth = MpAuthX.builder().appId(weChat.appId()).appSecret("no-metrics-secret").sku("shop")
                     .inMemoryUserRepository().redis(redis.uri()).nearCache(NearCacheSettings.defaults())
                     .weChatApiBaseUrl(weChat.baseUrl()).build()) {
            String token = auth.authorize(weChat.newLogin(SandboxUser.withOpenId("oAnn")).code()).token();

            assertThat(auth.isTokenValid(token)).isTrue();
            assertThat(auth.isTokenValidAsync(token).toCompletableFuture().join()).isTrue();
            assertThat(auth.isTokenValid(auth.refreshToken("oAnn").token())).isTrue();
            assertThat(auth.isTokenValid(token)).isFalse();
        }
    }
}
