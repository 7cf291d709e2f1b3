package io.mpauthx.bootstrap;

import io.mpauthx.adapter.redis.NearCacheSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MpAuthXBuilderTest {

    private static MpAuthXBuilder complete() {
        return MpAuthX.builder()
                .appId("wxapp").appSecret("s3cr3t-app-secret").sku("shop")
                .inMemoryUserRepository().inMemoryTokenStore()
                .weChatGateway(new FakeWeChatGateway()).decryptor(new FakeDecryptor());
    }

    private static void assertRefused(MpAuthXBuilder builder, String... expectedFragments) {
        assertThatThrownBy(builder::buildConfig).isInstanceOfSatisfying(MpAuthXException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
            assertThat(e.getMessage()).contains(expectedFragments);
        });
    }

    @Test
    void completeSettingsBuildAWorkingInstance() {
        try (MpAuthX auth = complete().build()) {
            assertThat(auth.isTokenValid("nothing")).isFalse();
        }
    }

    @Test
    void everyMissingSettingIsNamedAtOnce() {
        assertRefused(MpAuthX.builder(), "appId is required", "appSecret is required", "sku is required",
                "no user store chosen: call sqlite(path), inMemoryUserRepository() or userRepository(...)",
                "no token store chosen: call redis(uri), redisSentinel(uri), redisCluster(seeds...), "
                        + "inMemoryTokenStore() or tokenStore(...)");
    }

    @Test
    void forgottenStorageIsRefusedNotDefaulted() {
        assertRefused(MpAuthX.builder().appId("wx").appSecret("s").sku("shop").inMemoryTokenStore()
                .weChatGateway(new FakeWeChatGateway()).decryptor(new FakeDecryptor()), "no user store chosen");
    }

    @Test
    void skuWithADotIsRefused() {
        assertRefused(complete().sku("my.shop"), "sku must match [A-Za-z0-9_-]{1,64}");
        assertRefused(complete().sku("x".repeat(65)), "sku must match");
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        assertRefused(complete().tokenTtl(Duration.ZERO), "tokenTtl must be positive");
        assertRefused(complete().tokenTtl(Duration.ofSeconds(-1)), "tokenTtl must be positive");
        assertRefused(complete().maxTokensPerUser(0), "maxTokensPerUser must be at least 1");
    }

    @Test
    void sentinelAndClusterSettingsAreCheckedBeforeAnythingConnects() {
        assertRefused(complete().redisSentinel("redis://cache:6379"), "redisSentinel: expects a redis-sentinel://");
        assertRefused(complete().redisSentinel("redis-sentinel://s1:26379"), "must name the primary after '#'");
        assertRefused(complete().redisCluster(), "redisCluster needs at least one seed URI");
        assertRefused(complete().redisCluster("redis://a:7000", "http://b:7001"), "redis: not a Redis URI");
        assertThat(complete().redisCluster("redis://a:7000", "redis://b:7001").buildConfig().toString())
                .contains("cluster=[redis://a:7000, redis://b:7001]");
        assertThat(complete().redisSentinel("redis-sentinel://s1:26379,s2:26379#orders").buildConfig().toString())
                .contains("redis-sentinel://s1:26379,s2:26379#orders");
    }

    @Test
    void nearCacheIsOnByDefaultForOneRedisServerOnly() {
        assertThat(complete().redis("redis://127.0.0.1:6379").buildConfig().toString())
                .contains("NearCacheSettings[maxEntries=100000, maxStaleness=PT30S, heartbeatInterval=PT0.25S, "
                        + "heartbeatTimeout=PT0.5S]");
        assertThat(complete().redis("redis://127.0.0.1:6379").nearCache(NearCacheSettings.disabled())
                .buildConfig().toString()).contains("NearCacheSettings[disabled]");
        assertThat(complete().redisCluster("redis://a:7000").buildConfig().toString())
                .contains("NearCacheSettings[disabled]");
        assertThat(complete().redisSentinel("redis-sentinel://s1:26379#mymaster").buildConfig().toString())
                .contains("NearCacheSettings[disabled]");
    }

    @Test
    void nearCacheIsRefusedOnClusterAndSentinel() {
        assertRefused(complete().redisCluster("redis://a:7000").nearCache(NearCacheSettings.defaults()),
                "nearCache(...) works with redis(uri) on one server only, not on Redis Cluster");
        assertRefused(complete().redisSentinel("redis-sentinel://s1:26379#mymaster").nearCache(NearCacheSettings.defaults()),
                "not on Redis Sentinel");
    }

    @Test
    void theLastRedisChoiceWins() {
        assertThat(complete().redisCluster("redis://a:7000").redis("redis://one:6379").buildConfig().toString())
                .contains("uri=redis://one:6379").doesNotContain("cluster=");
        assertThat(complete().redisSentinel("redis-sentinel://s1:26379#orders").redisCluster("redis://a:7000")
                .buildConfig().toString()).contains("cluster=[redis://a:7000]");
    }

    @Test
    void theEnvironmentNamesAClusterOrASentinelManagedPrimary() {
        assertThat(complete().fromEnvironment(Map.of("MPAUTHX_REDIS_CLUSTER_URIS", "redis://a:7000, redis://b:7001"))
                .buildConfig().toString()).contains("cluster=[redis://a:7000, redis://b:7001]");
        assertThat(complete().fromEnvironment(Map.of("MPAUTHX_REDIS_URI", "redis-sentinel://s1:26379#orders"))
                .buildConfig().toString()).contains("uri=redis-sentinel://s1:26379#orders");
    }

    @Test
    void environmentProvidesTheOriginalsVariables() {
        MpAuthXConfig config = complete().appId(null).appSecret(null).sku(null)
                .fromEnvironment(Map.of(
                        "MPAUTHX_APPID", "wxFromEnv",
                        "MPAUTHX_APPSECRET", "secretFromEnv",
                        "MPAUTHX_SKU", "envshop",
                        "MPAUTHX_TOKEN_TTL_SECONDS", "60",
                        "MPAUTHX_MAX_TOKENS_PER_USER", "3"))
                .buildConfig();

        assertThat(config.appId()).isEqualTo("wxFromEnv");
        assertThat(config.sku()).isEqualTo("envshop");
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.settings().maxTokensPerUser()).isEqualTo(3);
    }

    @Test
    void malformedNumberInTheEnvironmentIsNamed() {
        assertThatThrownBy(() -> complete().fromEnvironment(Map.of("MPAUTHX_TOKEN_TTL_SECONDS", "3 days")))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.getMessage()).contains("MPAUTHX_TOKEN_TTL_SECONDS"));
    }

    @Test
    void configurationNeverShowsTheSecret() {
        MpAuthXConfig config = complete().buildConfig();
        assertThat(config.toString()).doesNotContain("s3cr3t-app-secret").contains("redacted");
        assertThatThrownBy(() -> complete().sku(null).buildConfig())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-app-secret"));
    }
}
