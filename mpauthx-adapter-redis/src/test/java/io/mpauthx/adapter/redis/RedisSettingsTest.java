package io.mpauthx.adapter.redis;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisSettingsTest {

    @Test
    void defaultsApplyToWhatIsNotSet() {
        RedisSettings settings = RedisSettings.builder().uri("redis://127.0.0.1:6390/2").build();

        assertThat(settings.uri()).isEqualTo("redis://127.0.0.1:6390/2");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.commandTimeout()).isEqualTo(RedisSettings.DEFAULT_COMMAND_TIMEOUT).hasSeconds(1);
    }

    @Test
    void everySettingCanBeSet() {
        RedisSettings settings = RedisSettings.builder()
                .uri("rediss://cache.internal:6380")
                .password("hunter2")
                .commandTimeout(Duration.ofMillis(250))
                .build();

        assertThat(settings.password()).contains("hunter2");
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void toStringShowsNoPassword() {
        RedisSettings settings = RedisSettings.builder()
                .uri("redis://admin:hunter2@cache.internal:6379/1")
                .password("s3cret")
                .build();

        assertThat(settings.toString())
                .contains("cache.internal:6379/1")
                .doesNotContain("hunter2")
                .doesNotContain("s3cret");
    }

    @Test
    void uriIsRequired() {
        assertThatThrownBy(() -> RedisSettings.builder().build())
                .isInstanceOfSatisfying(MpAuthXException.class, RedisSettingsTest::isSettingsProblem)
                .hasMessageContaining("Redis URI is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user:hunter2@cache.internal", "redis://user:hunter2@", "not a uri at all"})
    void malformedUriIsRefusedWithoutEchoingItsPassword(String uri) {
        assertThatThrownBy(() -> RedisSettings.builder().uri(uri).build())
                .isInstanceOfSatisfying(MpAuthXException.class, RedisSettingsTest::isSettingsProblem)
                .hasMessageContaining("not a Redis URI")
                .hasMessageNotContaining("hunter2")
                .hasNoCause();
    }

    @Test
    void commandTimeoutMustBePositive() {
        assertThatThrownBy(() -> RedisSettings.builder().uri("redis://localhost").commandTimeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(MpAuthXException.class, RedisSettingsTest::isSettingsProblem)
                .hasMessageContaining("command timeout");
    }

    @Test
    void emptyPasswordIsRefused() {
        assertThatThrownBy(() -> RedisSettings.builder().uri("redis://localhost").password("").build())
                .isInstanceOfSatisfying(MpAuthXException.class, RedisSettingsTest::isSettingsProblem)
                .hasMessageContaining("password");
    }

    @Test
    void theUriSaysWhetherItIsOneServerOrASentinelManagedPrimary() {
        assertThat(RedisSettings.builder().uri("redis://cache:6379").build().topology())
                .isEqualTo(RedisSettings.Topology.STANDALONE);
        RedisSettings sentinel = RedisSettings.builder().uri("redis-sentinel://s1:26379,s2:26379#orders").build();
        assertThat(sentinel.topology()).isEqualTo(RedisSettings.Topology.SENTINEL);
        assertThat(sentinel.clusterSeeds()).isEmpty();
    }

    @Test
    void clusterSeedsNameACluster() {
        RedisSettings settings = RedisSettings.builder()
                .cluster("redis://:hunter2@10.0.0.1:6379", "redis://10.0.0.2:6379").build();

        assertThat(settings.topology()).isEqualTo(RedisSettings.Topology.CLUSTER);
        assertThat(settings.clusterSeeds()).containsExactly("redis://:hunter2@10.0.0.1:6379", "redis://10.0.0.2:6379");
        assertThat(settings.toString()).contains("10.0.0.1:6379", "10.0.0.2:6379").doesNotContain("hunter2");
    }

    @Test
    void aSentinelUriMustNameThePrimary() {
        assertThatThrownBy(() -> RedisSettings.builder().uri("redis-sentinel://:hunter2@s1:26379").build())
                .isInstanceOfSatisfying(MpAuthXException.class, RedisSettingsTest::isSettingsProblem)
                .hasMessageContaining("must name the primary after '#'")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void clusterSeedsMustBePlainRedisUrisAndExcludeAUri() {
        assertThatThrownBy(() -> RedisSettings.builder().cluster("redis-sentinel://s1:26379#orders").build())
                .hasMessageContaining("a cluster seed must be a redis:// or rediss:// URI");
        assertThatThrownBy(() -> RedisSettings.builder().cluster("redis://a:6379", null).build())
                .hasMessageContaining("a cluster seed URI is empty");
        assertThatThrownBy(() -> RedisSettings.builder().uri("redis://a").cluster("redis://b:6379").build())
                .hasMessageContaining("either a Redis URI or cluster seeds, not both");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> RedisSettings.builder().password("").commandTimeout(Duration.ZERO).build())
                .hasMessageContaining("Redis URI is required").hasMessageContaining("password is empty")
                .hasMessageContaining("command timeout");
    }

    private static void isSettingsProblem(MpAuthXException refused) {
        assertThat(refused.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
    }
}
