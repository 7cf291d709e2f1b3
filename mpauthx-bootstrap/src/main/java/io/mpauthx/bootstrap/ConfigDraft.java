package io.mpauthx.bootstrap;

import io.mpauthx.adapter.wechat.WeChatSettings;
import io.mpauthx.domain.AuthSettings;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * What the builder has been told so far, unchecked: {@link MpAuthXConfig#validated} checks all of it at once.
 * Redis's and PostgreSQL's choices are made only at validation, since their options may come in any order.
 */
final class ConfigDraft {

    String appId;
    String appSecret;
    String sku;
    Duration tokenTtl = AuthSettings.DEFAULT_TOKEN_TTL;
    int maxTokensPerUser = AuthSettings.DEFAULT_MAX_TOKENS_PER_USER;
    Clock clock = Clock.systemUTC();
    TokenStoreChoice tokenStore;
    boolean redisChosen;
    boolean postgresTokensChosen;
    final RedisOptions redis = new RedisOptions();
    UserStoreChoice userStore;
    boolean postgresChosen;
    final PostgresOptions postgres = new PostgresOptions();
    URI weChatApiBaseUrl = WeChatSettings.DEFAULT_BASE_URL;
    Duration weChatConnectTimeout = WeChatSettings.DEFAULT_CONNECT_TIMEOUT;
    Duration weChatRequestTimeout = WeChatSettings.DEFAULT_REQUEST_TIMEOUT;
    WeChatGatewayChoice.Custom weChatGateway;
    Duration accessTokenRefreshLease = MpAuthXBuilder.DEFAULT_ACCESS_TOKEN_REFRESH_LEASE;
    DecryptorChoice decryptor = new DecryptorChoice.Aes();
    /** A Micrometer {@code MeterRegistry}, or null; typed {@code Object} so that no Micrometer class is loaded. */
    Object meterRegistry;

    /** @param choice the token store, or null for none (an unchosen store is reported at validation) */
    void chooseTokenStore(TokenStoreChoice choice) {
        tokenStore = choice;
        redisChosen = false;
        postgresTokensChosen = false;
    }

    void postgresTokenStore() {
        tokenStore = null;
        redisChosen = false;
        postgresTokensChosen = true;
    }

    void redisUri(String uri) {
        redis.uri(uri);
        chooseRedis();
    }

    void redisSentinel(String uri) {
        redis.sentinel(uri);
        chooseRedis();
    }

    void redisCluster(String... seedUris) {
        redis.cluster(seedUris);
        chooseRedis();
    }

    private void chooseRedis() {
        tokenStore = null;
        redisChosen = true;
        postgresTokensChosen = false;
    }

    /** @param choice the user store, or null for none */
    void chooseUserStore(UserStoreChoice choice) {
        userStore = choice;
        postgresChosen = false;
    }

    void postgres(String jdbcUrl, String user, String password) {
        postgres.connect(jdbcUrl, user, password);
        choosePostgres();
    }

    void postgres(DataSource dataSource) {
        postgres.dataSource(dataSource);
        choosePostgres();
    }

    private void choosePostgres() {
        userStore = null;
        postgresChosen = true;
    }
}
