package io.mpauthx.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.redis.RedisServerExtension;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documented meters, counted in a real {@link SimpleMeterRegistry} while a facade talks to a real redis-server
 * and, over HTTP, to the WeChat sandbox.
 */
@ExtendWith(RedisServerExtension.class)
class MpAuthXMetricsIT {

    private static final SandboxUser ANN = SandboxUser.withOpenId("oAnn");

    private final LocalRedisServer redis;
    private final WeChatSandbox weChat = WeChatSandbox.start("wx-metrics-test", "metrics-secret");
    private final MeterRegistry registry = new SimpleMeterRegistry();

    MpAuthXMetricsIT(LocalRedisServer redis) {
        this.redis = redis;
    }

    @AfterEach
    void stopSandbox() {
        weChat.close();
    }

    private MpAuthXBuilder builder() {
        return MpAuthX.builder().appId(weChat.appId()).appSecret("metrics-secret").sku("shop")
                .inMemoryUserRepository().redis(redis.uri()).redisCommandTimeout(Duration.ofMillis(500))
                .weChatApiBaseUrl(weChat.baseUrl()).meterRegistry(registry);
    }

    @Test
    void checksAreCountedByResultAndNearCacheHitsAndMissesByTheCache() {
        try (MpAuthX auth = builder().nearCache(NearCacheSettings.defaults()).build()) {
            String token = auth.authorize(weChat.newLogin(ANN).code()).token();

            assertThat(auth.isTokenValid(token)).isTrue();
            assertThat(auth.isTokenValid(token)).isTrue();
            assertThat(auth.isTokenValidAsync(token).toCompletableFuture().join()).isTrue();
            assertThat(auth.isTokenValid("not a token")).isFalse();

            assertThat(counted(checks("valid"))).isEqualTo(3);
            assertThat(counted(checks("invalid"))).isEqualTo(1);
            assertThat(counted(checks("store-failure"))).isZero();
            // the first check asks Redis; the two after it are answered from memory
            assertThat(counter(nearCache("miss"))).isEqualTo(1);
            assertThat(counter(nearCache("hit"))).isEqualTo(2);
            assertThat(gauge(registry.get(MicrometerMetrics.CONNECTIONS).tag("sku", "shop")))
                    .as("the store's connection and the near cache's tracking connection").isEqualTo(2);
        }
    }

    @Test
    void aSampleOfTheChecksIsTimed() {
        int checks = MicrometerMetrics.CHECK_TIMING_ONE_IN * 50;
        try (MpAuthX auth = builder().build()) {
            String token = auth.authorize(weChat.newLogin(ANN).code()).token();
            for (int i = 0; i < checks; i++) {
                auth.isTokenValid(token);
            }
            long timed = registry.get(MicrometerMetrics.CHECK_LATENCY).tag("result", "valid").timer().count();
            // 50 expected; the bounds are 7 standard deviations away, so the test does not flake
            assertThat(timed).isBetween(1L, 100L);
            assertThat(registry.get(MicrometerMetrics.CHECK_LATENCY).tag("result", "valid").timer()
                    .totalTime(TimeUnit.NANOSECONDS)).isPositive();
        }
    }

    @Test
    void aCheckWhileRedisIsDownIsAStoreFailure() {
        try (MpAuthX auth = builder().nearCache(NearCacheSettings.disabled()).build()) {
            String token = auth.authorize(weChat.newLogin(ANN).code()).token();
            redis.stop();
            try {
                assertThatThrownBy(() -> auth.isTokenValid(token)).isInstanceOf(MpAuthXException.class)
                        .extracting(failure -> ((MpAuthXException) failure).statusCode())
                        .isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                assertThatThrownBy(() -> auth.isTokenValidAsync(token).toCompletableFuture().join())
                        .hasCauseInstanceOf(MpAuthXException.class);
                Await.until(Duration.ofSeconds(5), () -> gauge(registry.get(MicrometerMetrics.CONNECTIONS)) == 0,
                        "the connection seen as closed");
            } finally {
                redis.start();
            }
            assertThat(counted(checks("store-failure"))).isEqualTo(2);
            assertThat(registry.find(MicrometerMetrics.NEAR_CACHE_GETS).meters())
                    .as("no near cache, no near-cache meters").isEmpty();
        }
    }

    @Test
    void loginsAreCountedByStatusCodeAndWeChatCallsByErrcode() {
        try (MpAuthX auth = builder().build()) {
            SandboxLogin login = weChat.newLogin(ANN);
            auth.authorize(login.code());
            assertThatThrownBy(() -> auth.authorize(login.code())).isInstanceOf(MpAuthXException.class);
            assertThatThrownBy(() -> auth.authorize("")).isInstanceOf(MpAuthXException.class);

            assertThat(count(registry.get(MicrometerMetrics.LOGINS).tag("status", "1"))).isEqualTo(1);
            assertThat(count(registry.get(MicrometerMetrics.LOGINS).tag("status", "6008"))).isEqualTo(1);
            assertThat(count(registry.get(MicrometerMetrics.LOGINS).tag("status", "6001"))).isEqualTo(1);
            RequiredSearch calls = registry.get(MicrometerMetrics.WECHAT_CALLS).tag("endpoint", "jscode2session");
            assertThat(count(calls.tag("errcode", "0"))).isEqualTo(1);
            assertThat(count(registry.get(MicrometerMetrics.WECHAT_CALLS).tag("errcode", "40163")))
                    .as("a code used twice").isEqualTo(1);
            assertThat(registry.find(MicrometerMetrics.WECHAT_CALLS).timers())
                    .as("a blank code never reaches WeChat").hasSize(2);
        }
    }

    @Test
    void refreshesAreTimedByStatusCode() {
        try (MpAuthX auth = builder().build()) {
            auth.authorize(weChat.newLogin(ANN).code());
            auth.refreshToken("oAnn");
            assertThatThrownBy(() -> auth.refreshToken("oNobody")).isInstanceOf(MpAuthXException.class);

            assertThat(count(registry.get(MicrometerMetrics.REFRESHES).tag("status", "1"))).isEqualTo(1);
            assertThat(count(registry.get(MicrometerMetrics.REFRESHES).tag("status", "6010"))).isEqualTo(1);
            assertThat(registry.get(MicrometerMetrics.REFRESHES).tag("status", "1").timer()
                    .totalTime(TimeUnit.NANOSECONDS)).isPositive();
        }
    }

    @Test
    void withoutARegistryNothingIsRecorded() {
        MpAuthXBuilder withoutRegistry = MpAuthX.builder().appId(weChat.appId()).appSecret("metrics-secret")
                .sku("shop").inMemoryUserRepository().redis(redis.uri()).weChatApiBaseUrl(weChat.baseUrl());
        assertThat(new MpAuthXModule(withoutRegistry.buildConfig()).metrics()).isSameAs(FacadeMetrics.NONE);
        try (MpAuthX auth = withoutRegistry.build()) {
            assertThat(auth.isTokenValid(auth.authorize(weChat.newLogin(ANN).code()).token())).isTrue();
        }
        assertThat(Metrics.globalRegistry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("mpauthx"));
    }

    private RequiredSearch checks(String result) {
        return registry.get(MicrometerMetrics.CHECKS).tag("sku", "shop").tag("result", result);
    }

    private RequiredSearch nearCache(String result) {
        return registry.get(MicrometerMetrics.NEAR_CACHE_GETS).tag("result", result);
    }

    private static long count(RequiredSearch search) {
        return search.timer().count();
    }

    private static double counted(RequiredSearch search) {
        return search.counter().count();
    }

    private static double counter(RequiredSearch search) {
        return search.functionCounter().count();
    }

    private static double gauge(RequiredSearch search) {
        return search.gauge().value();
    }
}
