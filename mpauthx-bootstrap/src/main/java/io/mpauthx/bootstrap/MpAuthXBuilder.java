package io.mpauthx.bootstrap;

import io.mpauthx.adapter.wechat.WeChatSettings;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Collects the settings of an {@link MpAuthX}; nothing is opened or checked until {@link #build()}, which
 * validates everything at once and names every problem. Not thread-safe; use it from one thread.
 *
 * <p>Storage is always chosen, never defaulted: a user store ({@code sqlite(path)},
 * {@link #inMemoryUserRepository()} or {@link #userRepository(UserRepository)}) and a token store
 * ({@code redis(uri)}, {@link #inMemoryTokenStore()} or {@link #tokenStore(TokenStore)}) must be given, so a
 * forgotten database cannot silently lose every user at restart.
 */
public final class MpAuthXBuilder {

    String appId;
    String appSecret;
    String sku;
    Duration tokenTtl = AuthSettings.DEFAULT_TOKEN_TTL;
    int maxTokensPerUser = AuthSettings.DEFAULT_MAX_TOKENS_PER_USER;
    Clock clock = Clock.systemUTC();
    /** Null until chosen; Redis's choice is made by {@link #redis} at validation, when all its options are known. */
    TokenStoreChoice tokenStore;
    boolean redisChosen;
    final RedisOptions redis = new RedisOptions();
    UserStoreChoice userStore;
    URI weChatApiBaseUrl = WeChatSettings.DEFAULT_BASE_URL;
    Duration weChatConnectTimeout = WeChatSettings.DEFAULT_CONNECT_TIMEOUT;
    Duration weChatRequestTimeout = WeChatSettings.DEFAULT_REQUEST_TIMEOUT;
    WeChatGatewayChoice.Custom weChatGateway;
    DecryptorChoice decryptor = new DecryptorChoice.Aes();

    MpAuthXBuilder() {
    }

    /**
     * @param appId the Mini Program's app id; required
     * @return this builder
     */
    public MpAuthXBuilder appId(String appId) {
        this.appId = appId;
        return this;
    }

    /**
     * @param appSecret the Mini Program's app secret; required, never logged or shown
     * @return this builder
     */
    public MpAuthXBuilder appSecret(String appSecret) {
        this.appSecret = appSecret;
        return this;
    }

    /**
     * @param sku the project namespace of tokens, {@code [A-Za-z0-9_-]{1,64}}; required
     * @return this builder
     */
    public MpAuthXBuilder sku(String sku) {
        this.sku = sku;
        return this;
    }

    /**
     * @param tokenTtl how long a token lives, from {@link AuthSettings#MIN_TOKEN_TTL} (1 ms) to
     *     {@link AuthSettings#MAX_TOKEN_TTL} (36,500 days); default three days, as the original
     * @return this builder
     */
    public MpAuthXBuilder tokenTtl(Duration tokenTtl) {
        this.tokenTtl = tokenTtl;
        return this;
    }

    /**
     * @param maxTokensPerUser how many devices one user may be logged in on per sku; at least 1; default 10
     * @return this builder
     */
    public MpAuthXBuilder maxTokensPerUser(int maxTokensPerUser) {
        this.maxTokensPerUser = maxTokensPerUser;
        return this;
    }

    /**
     * @param clock the clock of the in-process adapters; default UTC system clock; tests pass one they move
     * @return this builder
     */
    public MpAuthXBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Keeps tokens in this process: the embedded default for one instance. Tokens are lost at restart.
     *
     * @return this builder
     */
    public MpAuthXBuilder inMemoryTokenStore() {
        return chooseTokenStore(new TokenStoreChoice.InMemory());
    }

    /**
     * Keeps tokens in Redis: the production token store, shared by every instance of the application.
     *
     * @param uri a standard Redis URI, {@code redis://[[user]:password@]host[:port][/database]}, or
     *     {@code rediss://} for TLS
     * @return this builder
     */
    public MpAuthXBuilder redis(String uri) {
        redis.uri(uri);
        return chooseRedis();
    }

    /**
     * Keeps tokens in a Redis primary that Redis Sentinel watches: Lettuce asks the sentinels for the primary, and
     * asks again after a failover, so the same facade follows a promoted replica.
     *
     * @param uri {@code redis-sentinel://host1:26379,host2:26379,host3:26379#primaryName}; the password
     *     ({@link #redisPassword(String)} or the URI's) is the primary's
     * @return this builder
     */
    public MpAuthXBuilder redisSentinel(String uri) {
        redis.sentinel(uri);
        return chooseRedis();
    }

    /**
     * Keeps tokens in a Redis Cluster. Each user's keys share one hash slot, so every call is one command on one
     * primary; failovers and resharding are followed without a restart.
     *
     * @param seedUris {@code redis://} or {@code rediss://} URIs of one or more nodes; the others are discovered
     * @return this builder
     */
    public MpAuthXBuilder redisCluster(String... seedUris) {
        redis.cluster(seedUris);
        return chooseRedis();
    }

    /**
     * @param password the Redis password, replacing any in the URI (the original took it separately); null
     *     keeps the URI's
     * @return this builder
     */
    public MpAuthXBuilder redisPassword(String password) {
        redis.password(password);
        return this;
    }

    /**
     * @param commandTimeout how long one Redis command may take before the call fails with 6000; positive;
     *     default one second
     * @return this builder
     */
    public MpAuthXBuilder redisCommandTimeout(Duration commandTimeout) {
        redis.commandTimeout(commandTimeout);
        return this;
    }

    /**
     * Answers repeated checks of a live token from memory, kept honest by Redis client tracking: a token revoked,
     * refreshed, evicted or expired on any instance stops being valid here within about a millisecond (see
     * docs/operations.md). Only with {@code redis(uri)}, on a standalone Redis, where it is <b>on by default</b>
     * with {@link NearCacheSettings#defaults()}; off by default on Cluster and Sentinel, where asking for it is
     * refused.
     *
     * @param settings the cache's bounds; {@code NearCacheSettings.disabled()} turns it off; null restores the
     *     default
     * @return this builder
     */
    public MpAuthXBuilder nearCache(NearCacheSettings settings) {
        redis.nearCache(settings);
        return this;
    }

    /**
     * @param store a token store of your own; closed by {@link MpAuthX#close()}; null chooses none
     * @return this builder
     */
    public MpAuthXBuilder tokenStore(TokenStore store) {
        return chooseTokenStore(store == null ? null : new TokenStoreChoice.Custom(store));
    }

    /**
     * Keeps users in this process. Users are lost at restart: for tests and demos.
     *
     * @return this builder
     */
    public MpAuthXBuilder inMemoryUserRepository() {
        this.userStore = new UserStoreChoice.InMemory();
        return this;
    }

    /**
     * Keeps users in a SQLite file, the production user store. At {@link #build()} the file and its parent folders
     * are created when missing and its schema is migrated by Flyway; a database of the Node.js mpauthx is adopted
     * with every row. Its connections are released by {@link MpAuthX#close()}.
     *
     * @param file the database file, e.g. {@code Path.of("users.db")}
     * @return this builder
     */
    public MpAuthXBuilder sqlite(Path file) {
        this.userStore = file == null ? null : new UserStoreChoice.Sqlite(file);
        return this;
    }

    /**
     * @param repository a user repository of your own; closed by {@link MpAuthX#close()}; null chooses none
     * @return this builder
     */
    public MpAuthXBuilder userRepository(UserRepository repository) {
        this.userStore = repository == null ? null : new UserStoreChoice.Custom(repository);
        return this;
    }

    /**
     * @param baseUrl where WeChat's API is, e.g. a proxy or a {@code WeChatSandbox} in tests; an absolute
     *        http(s) URL without query; default {@code https://api.weixin.qq.com}
     * @return this builder
     */
    public MpAuthXBuilder weChatApiBaseUrl(URI baseUrl) {
        this.weChatApiBaseUrl = baseUrl;
        return this;
    }

    /**
     * @param timeout how long opening a connection to WeChat may take; positive; default 3 s
     * @return this builder
     */
    public MpAuthXBuilder weChatConnectTimeout(Duration timeout) {
        this.weChatConnectTimeout = timeout;
        return this;
    }

    /**
     * @param timeout how long one jscode2session call may take in all, retries of errcode -1 included; after it
     *        {@code authorize} fails with 6006; positive; default 5 s
     * @return this builder
     */
    public MpAuthXBuilder weChatRequestTimeout(Duration timeout) {
        this.weChatRequestTimeout = timeout;
        return this;
    }

    /**
     * @param gateway a jscode2session gateway of your own, instead of WeChat's HTTP API; null restores WeChat's
     * @return this builder
     */
    public MpAuthXBuilder weChatGateway(WeChatGateway gateway) {
        this.weChatGateway = gateway == null ? null : new WeChatGatewayChoice.Custom(gateway);
        return this;
    }

    /**
     * @param userDataDecryptor a decryptor of your own for {@code encryptedData}; closed by {@link MpAuthX#close()}
     *     when it is {@link AutoCloseable}; null restores the strict AES decryptor
     * @return this builder
     */
    public MpAuthXBuilder decryptor(Decryptor userDataDecryptor) {
        this.decryptor = userDataDecryptor == null ? new DecryptorChoice.Aes()
                : new DecryptorChoice.Custom(userDataDecryptor);
        return this;
    }

    /**
     * Takes settings from the process environment; see {@link #fromEnvironment(Map)}.
     *
     * @return this builder
     */
    public MpAuthXBuilder fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Takes every setting present in the given environment; the variables are listed in
     * {@link MpAuthXEnvironment}. Absent variables leave the builder as it was; calls after this one override.
     *
     * @param environment variable names to values
     * @return this builder
     * @throws MpAuthXException 6001 naming every variable whose number is not a whole number in its range, or whose
     *     path is not a path (never showing the value)
     */
    public MpAuthXBuilder fromEnvironment(Map<String, String> environment) {
        MpAuthXEnvironment.apply(environment, this);
        return this;
    }

    /**
     * Validates the settings without opening anything; for {@link MpAuthXModule} wiring of your own.
     *
     * @return the configuration
     * @throws MpAuthXException 6001 listing every missing or invalid setting
     */
    public MpAuthXConfig buildConfig() {
        return MpAuthXConfig.validated(this);
    }

    /**
     * Validates the settings and opens the chosen adapters.
     *
     * @return a ready, thread-safe facade; close it when the application stops
     * @throws MpAuthXException 6001 for invalid settings, 6000 when a store cannot be opened
     */
    public MpAuthX build() {
        return MpAuthXModule.createFacade(new MpAuthXModule(buildConfig()));
    }

    private MpAuthXBuilder chooseTokenStore(TokenStoreChoice choice) {
        this.tokenStore = choice;
        this.redisChosen = false;
        return this;
    }

    private MpAuthXBuilder chooseRedis() {
        this.tokenStore = null;
        this.redisChosen = true;
        return this;
    }
}
