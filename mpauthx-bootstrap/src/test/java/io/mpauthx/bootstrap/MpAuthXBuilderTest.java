package io.mpauthx.bootstrap;

import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.Test;

import java.net.URI;
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
                "no user store chosen: call sqlite(path), postgres(...), inMemoryUserRepository() or userRepository(...)",
                "no token store chosen: call redis(uri), redisSentinel(uri), redisCluster(seeds...), "
                        + "postgresTokenStore(), inMemoryTokenStore() or tokenStore(...)");
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
    void tokenLifetimesTheStoresCannotKeepAreRefused() {
        String bounds = "tokenTtl must be between 1 ms and 36500 days";
        assertRefused(complete().tokenTtl(Duration.ofNanos(999_999)), bounds);
        assertRefused(complete().tokenTtl(AuthSettings.MAX_TOKEN_TTL.plusMillis(1)), bounds);
        assertRefused(complete().tokenTtl(Duration.ofSeconds(Long.MAX_VALUE)), bounds);
        assertThatThrownBy(() -> complete().tokenTtl(Duration.ofNanos(1)).build())
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR));

        assertThat(complete().tokenTtl(AuthSettings.MIN_TOKEN_TTL).buildConfig().tokenTtl())
                .isEqualTo(Duration.ofMillis(1));
        assertThat(complete().tokenTtl(AuthSettings.MAX_TOKEN_TTL).buildConfig().tokenTtl())
                .isEqualTo(Duration.ofDays(36_500));
    }

    @Test
    void weChatProblemsAreNamedEvenWhenTheCredentialsAreMissing() {
        assertRefused(MpAuthX.builder().sku("shop").inMemoryUserRepository().inMemoryTokenStore()
                        .weChatApiBaseUrl(URI.create("ftp://api.example.com"))
                        .weChatRequestTimeout(Duration.ZERO).weChatConnectTimeout(Duration.ofSeconds(-1)),
                "appId is required", "appSecret is required", "the WeChat API base URL must be an absolute http(s) URL",
                "the WeChat request timeout must be a positive duration",
                "the WeChat connect timeout must be a positive duration");
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
    void postgresTokensNeedThePostgresUsersAndTheEnvironmentChoosesThemByName() {
        assertRefused(complete().postgresTokenStore(), "postgresTokenStore() needs postgres(...)");
        String url = "jdbc:postgresql://db:5432/app";
        assertThat(complete().postgres(url, "app", "s3cret").postgresTokenStore().buildConfig().toString())
                .contains("tokenStore=tokens in PostgresSettings[jdbcUrl=jdbc:postgresql://db:5432/app").doesNotContain("s3cret");
        assertThat(complete().fromEnvironment(Map.of("MPAUTHX_POSTGRES_URL", url, "MPAUTHX_TOKEN_STORE", "postgres"))
                .buildConfig().toString()).contains("tokenStore=tokens in PostgresSettings[jdbcUrl=jdbc:postgresql://db:5432/app");
        assertThatThrownBy(() -> complete().fromEnvironment(Map.of("MPAUTHX_TOKEN_STORE", "mongo")))
                .hasMessageContaining("MPAUTHX_TOKEN_STORE must be postgres, redis or memory");
        assertThatThrownBy(() -> complete().fromEnvironment(Map.of("MPAUTHX_TOKEN_STORE", "redis")))
                .hasMessageContaining("MPAUTHX_TOKEN_STORE=redis needs MPAUTHX_REDIS_URI");
        assertThat(complete().postgres(url, "app", "s3cret").postgresTokenStore().redis("redis://one:6379")
                .buildConfig().toString()).as("the last token store chosen wins").contains("uri=redis://one:6379");
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
    void numbersOutOfRangeInTheEnvironmentAreRefusedNamingTheVariable() {
        assertEnvironmentRefused("MPAUTHX_MAX_TOKENS_PER_USER", "4294967297",
                "MPAUTHX_MAX_TOKENS_PER_USER must be a whole number from 1 to 2147483647");
        assertEnvironmentRefused("MPAUTHX_MAX_TOKENS_PER_USER", "0", "MPAUTHX_MAX_TOKENS_PER_USER must be");
        assertEnvironmentRefused("MPAUTHX_MAX_TOKENS_PER_USER", "2.5", "MPAUTHX_MAX_TOKENS_PER_USER must be");
        assertEnvironmentRefused("MPAUTHX_TOKEN_TTL_SECONDS", "0",
                "MPAUTHX_TOKEN_TTL_SECONDS must be a whole number from 1 to 3153600000");
        assertEnvironmentRefused("MPAUTHX_TOKEN_TTL_SECONDS", "3153600001", "MPAUTHX_TOKEN_TTL_SECONDS must be");
        assertEnvironmentRefused("MPAUTHX_TOKEN_TTL_SECONDS", "9223372036854775808", "MPAUTHX_TOKEN_TTL_SECONDS must be");
        assertEnvironmentRefused("MPAUTHX_REDIS_COMMAND_TIMEOUT_MILLIS", "-1",
                "MPAUTHX_REDIS_COMMAND_TIMEOUT_MILLIS must be a whole number of at least 1");
    }

    @Test
    void everyBadNumberInTheEnvironmentIsNamedAtOnce() {
        assertThatThrownBy(() -> complete().fromEnvironment(Map.of(
                "MPAUTHX_MAX_TOKENS_PER_USER", "4294967297", "MPAUTHX_TOKEN_TTL_SECONDS", "forever")))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> assertThat(e.getMessage())
                        .contains("MPAUTHX_MAX_TOKENS_PER_USER must be", "MPAUTHX_TOKEN_TTL_SECONDS must be")
                        .doesNotContain("4294967297", "forever"));
    }

    @Test
    void theLargestNumbersTheEnvironmentAllowsAreTaken() {
        MpAuthXConfig config = complete().fromEnvironment(Map.of(
                "MPAUTHX_MAX_TOKENS_PER_USER", "2147483647", "MPAUTHX_TOKEN_TTL_SECONDS", "3153600000")).buildConfig();

        assertThat(config.settings().maxTokensPerUser()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.tokenTtl()).isEqualTo(AuthSettings.MAX_TOKEN_TTL);
    }

    private static void assertEnvironmentRefused(String variable, String value, String expectedFragment) {
        assertThatThrownBy(() -> complete().fromEnvironment(Map.of(variable, value)))
                .as("%s=%s", variable, value)
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
                    assertThat(e.getMessage()).contains(expectedFragment);
                });
    }

    @Test
    void configurationNeverShowsTheSecret() {
        MpAuthXConfig config = complete().buildConfig();
        assertThat(config.toString()).doesNotContain("s3cr3t-app-secret").contains("redacted");
        assertThatThrownBy(() -> complete().sku(null).buildConfig())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-app-secret"));
    }
}
