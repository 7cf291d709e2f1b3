package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.MpAuthXException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every documented property reaches the builder: bound by Spring's own binder from the names users write, each one
 * either changes the configuration the builder validates, or, given a value the builder refuses, fails with the
 * builder's own message naming it. Nothing is opened: {@code buildConfig()} only validates.
 */
class PropertiesToBuilderTest {

    private static final Map<String, String> BASE = Map.of(
            "mpauthx.app-id", "wx-app",
            "mpauthx.app-secret", "app-secret-value",
            "mpauthx.sku", "shop",
            "mpauthx.redis.uri", "redis://127.0.0.1:6390",
            "mpauthx.sqlite.path", "users.db");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "mpauthx.app-id                  | wx-other                        | appId=wx-other",
            "mpauthx.sku                     | news                            | sku=news",
            "mpauthx.token-ttl               | 48h                             | tokenTtl=PT48H",
            "mpauthx.max-tokens-per-user     | 3                               | maxTokensPerUser=3",
            "mpauthx.redis.uri               | redis://127.0.0.1:6391/2        | 127.0.0.1:6391/2",
            "mpauthx.redis.password          | redis-password                  | password=****",
            "mpauthx.redis.command-timeout   | 250ms                           | commandTimeout=PT0.25S",
            "mpauthx.near-cache.enabled      | false                           | NearCacheSettings[disabled",
            "mpauthx.near-cache.max-entries  | 5000                            | maxEntries=5000",
            "mpauthx.near-cache.max-staleness| 5s                              | maxStaleness=PT5S",
            "mpauthx.sqlite.path             | other.db                        | SQLite other.db",
            "mpauthx.wechat.api-base-url     | http://127.0.0.1:9/wechat       | WeChat HTTP API at http://127.0.0.1:9/wechat",
    })
    void aPropertyChangesTheConfiguration(String property, String value, String shown) {
        String base = configuration(Map.of());
        String changed = configuration(Map.of(property, value));

        assertThat(base).doesNotContain(shown);
        assertThat(changed).contains(shown);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "mpauthx.app-secret              | ' '                             | appSecret is required",
            "mpauthx.sku                     | no.dots                         | sku must match",
            "mpauthx.token-ttl               | 0s                              | tokenTtl must be positive",
            "mpauthx.max-tokens-per-user     | 0                               | maxTokensPerUser must be at least 1",
            "mpauthx.redis.sentinel          | redis-sentinel://127.0.0.1:26379#primary | set only one of",
            "mpauthx.redis.cluster           | redis://127.0.0.1:7000          | set only one of",
            "mpauthx.wechat.connect-timeout  | -1s                             | connect timeout",
            "mpauthx.wechat.request-timeout  | -1s                             | request timeout",
            "mpauthx.postgres.url            | jdbc:postgresql://127.0.0.1/u   | set only one of mpauthx.sqlite.path",
    })
    void aRefusedValueFailsWithTheBuildersMessage(String property, String value, String named) {
        Map<String, String> properties = new HashMap<>(Map.of(property, value));
        assertThatThrownBy(() -> configuration(properties)).isInstanceOf(MpAuthXException.class)
                .hasMessageStartingWith("6001 invalid MpAuthX configuration: ").hasMessageContaining(named);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "mpauthx.redis.sentinel   | redis-sentinel://127.0.0.1:26379#primary | uri=redis-sentinel://127.0.0.1:26379",
            "mpauthx.redis.cluster    | redis://127.0.0.1:7000                   | cluster=[redis://127.0.0.1:7000]",
    })
    void sentinelOrClusterReplacesTheOneServer(String property, String value, String shown) {
        Map<String, String> properties = new HashMap<>(BASE);
        properties.remove("mpauthx.redis.uri");
        properties.put(property, value);
        properties.put("mpauthx.near-cache.enabled", "false");

        assertThat(PropertiesToBuilder.configure(bind(properties), MpAuthX.builder(), Optional.empty()).buildConfig()
                .toString()).contains(shown);
    }

    @Test
    void postgresPropertiesChooseAPoolOfMpAuthXs() {
        Map<String, String> properties = new HashMap<>(BASE);
        properties.remove("mpauthx.sqlite.path");
        properties.putAll(Map.of("mpauthx.postgres.url", "jdbc:postgresql://127.0.0.1:5499/users",
                "mpauthx.postgres.user", "mpauthx", "mpauthx.postgres.password", "pg-password",
                "mpauthx.postgres.schema", "auth"));
        String shown = PropertiesToBuilder.configure(bind(properties), MpAuthX.builder(), Optional.empty())
                .buildConfig().toString();

        assertThat(shown).contains("jdbcUrl=jdbc:postgresql://127.0.0.1:5499/users, user=mpauthx, password=****")
                .contains("schema=auth").doesNotContain("pg-password").doesNotContain("SQLite");
    }

    @Test
    void aMissingPropertyFailsWithTheSameMessageAsTheBuilder() {
        Map<String, String> withoutSku = new HashMap<>(BASE);
        withoutSku.remove("mpauthx.sku");
        String fromTheBuilder = messageOf(() -> MpAuthX.builder().appId("wx-app").appSecret("app-secret-value")
                .redis("redis://127.0.0.1:6390").sqlite(java.nio.file.Path.of("users.db")).buildConfig());

        assertThat(messageOf(() -> PropertiesToBuilder.configure(bind(withoutSku), MpAuthX.builder(), Optional.empty())
                .buildConfig())).isEqualTo(fromTheBuilder).contains("sku is required");
    }

    @Test
    void theApplicationsDataSourceIsRequiredWhenAskedFor() {
        Map<String, String> properties = new HashMap<>(BASE);
        properties.remove("mpauthx.sqlite.path");
        properties.put("mpauthx.postgres.use-application-data-source", "true");

        assertThatThrownBy(() -> PropertiesToBuilder.configure(bind(properties), MpAuthX.builder(), Optional.empty()))
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("has no DataSource");
    }

    private static String configuration(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(BASE);
        properties.putAll(overrides);
        return PropertiesToBuilder.configure(bind(properties), MpAuthX.builder(), Optional.empty()).buildConfig()
                .toString();
    }

    private static MpAuthXProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("mpauthx", MpAuthXProperties.class)
                .orElseGet(MpAuthXProperties::new);
    }

    private static String messageOf(Runnable build) {
        try {
            build.run();
        } catch (MpAuthXException failure) {
            return failure.getMessage();
        }
        throw new AssertionError("the configuration was accepted");
    }
}
