package io.mpauthx.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
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
import javax.sql.DataSource;

/**
 * Collects the settings of an {@link MpAuthX}; nothing is opened or checked until {@link #build()}, which
 * validates everything at once and names every problem. Not thread-safe; use it from one thread.
 *
 * <p>Storage is always chosen, never defaulted: a user store ({@code sqlite(path)}, {@code postgres(...)},
 * {@link #inMemoryUserRepository()} or {@link #userRepository(UserRepository)}) and a token store
 * ({@code redis(uri)}, {@link #inMemoryTokenStore()} or {@link #tokenStore(TokenStore)}) must be given, so a
 * forgotten database cannot silently lose every user at restart.
 */
public final class MpAuthXBuilder {

    /** How long an instance may hold the refresh lease of the shared access_token by default. */
    public static final Duration DEFAULT_ACCESS_TOKEN_REFRESH_LEASE = Duration.ofSeconds(10);

    private final ConfigDraft draft = new ConfigDraft();

    MpAuthXBuilder() {
    }

    /**
     * @param appId the Mini Program's app id; required
     * @return this builder
     */
    public MpAuthXBuilder appId(String appId) {
        return with(() -> draft.appId = appId);
    }

    /**
     * @param appSecret the Mini Program's app secret; required, never logged or shown
     * @return this builder
     */
    public MpAuthXBuilder appSecret(String appSecret) {
        return with(() -> draft.appSecret = appSecret);
    }

    /**
     * @param sku the project namespace of tokens, {@code [A-Za-z0-9_-]{1,64}}; required
     * @return this builder
     */
    public MpAuthXBuilder sku(String sku) {
        return with(() -> draft.sku = sku);
    }

    /**
     * @param tokenTtl how long a token lives, from {@link AuthSettings#MIN_TOKEN_TTL} (1 ms) to
     *     {@link AuthSettings#MAX_TOKEN_TTL} (36,500 days); default three days, as the original
     * @return this builder
     */
    public MpAuthXBuilder tokenTtl(Duration tokenTtl) {
        return with(() -> draft.tokenTtl = tokenTtl);
    }

    /**
     * @param maxTokensPerUser how many devices one user may be logged in on per sku; at least 1; default 10
     * @return this builder
     */
    public MpAuthXBuilder maxTokensPerUser(int maxTokensPerUser) {
        return with(() -> draft.maxTokensPerUser = maxTokensPerUser);
    }

    /**
     * @param clock the clock of the in-process adapters; default UTC system clock; tests pass one they move
     * @return this builder
     */
    public MpAuthXBuilder clock(Clock clock) {
        return with(() -> draft.clock = clock);
    }

    /**
     * Keeps tokens in this process: the embedded default for one instance. Tokens are lost at restart.
     *
     * @return this builder
     */
    public MpAuthXBuilder inMemoryTokenStore() {
        return with(() -> draft.chooseTokenStore(new TokenStoreChoice.InMemory()));
    }

    /**
     * Keeps tokens in Redis: the production token store, shared by every instance of the application.
     *
     * @param uri a standard Redis URI, {@code redis://[[user]:password@]host[:port][/database]}, or
     *     {@code rediss://} for TLS
     * @return this builder
     */
    public MpAuthXBuilder redis(String uri) {
        return with(() -> draft.redisUri(uri));
    }

    /**
     * Keeps tokens in a Redis primary that Redis Sentinel watches; a failover is followed without a restart.
     *
     * @param uri {@code redis-sentinel://host1:26379,host2:26379,host3:26379#primaryName}; the password
     *     ({@link #redisPassword(String)} or the URI's) is the primary's
     * @return this builder
     */
    public MpAuthXBuilder redisSentinel(String uri) {
        return with(() -> draft.redisSentinel(uri));
    }

    /**
     * Keeps tokens in a Redis Cluster; failovers and resharding are followed without a restart.
     *
     * @param seedUris {@code redis://} or {@code rediss://} URIs of one or more nodes; the others are discovered
     * @return this builder
     */
    public MpAuthXBuilder redisCluster(String... seedUris) {
        return with(() -> draft.redisCluster(seedUris));
    }

    /**
     * @param password the Redis password, replacing any in the URI (the original took it separately); null
     *     keeps the URI's
     * @return this builder
     */
    public MpAuthXBuilder redisPassword(String password) {
        return with(() -> draft.redis.password(password));
    }

    /**
     * @param commandTimeout how long one Redis command may take before the call fails with 6000; positive;
     *     default one second
     * @return this builder
     */
    public MpAuthXBuilder redisCommandTimeout(Duration commandTimeout) {
        return with(() -> draft.redis.commandTimeout(commandTimeout));
    }

    /**
     * Answers repeated checks of a live token from memory, kept honest by Redis client tracking or PostgreSQL
     * {@code LISTEN/NOTIFY} (docs/operations.md). With {@code redis(uri)} and {@link #postgresTokenStore()} <b>on by
     * default</b> ({@link NearCacheSettings#defaults()}); off on Cluster and Sentinel, where asking for it is
     * refused.
     *
     * @param settings the cache's bounds; {@code NearCacheSettings.disabled()} turns it off; null restores the
     *     default
     * @return this builder
     */
    public MpAuthXBuilder nearCache(NearCacheSettings settings) {
        return with(() -> draft.redis.nearCache(settings));
    }

    /**
     * Keeps tokens in the PostgreSQL database of {@link #postgres(String, String, String)} or
     * {@link #postgres(DataSource)}, on the same connections: one database for users and tokens, for teams that
     * run no Redis. Tokens are stored as hashes with their expiry, judged by the server's clock. The near cache is
     * <b>on by default</b> ({@link NearCacheSettings#defaults()}), kept honest by PostgreSQL {@code LISTEN/NOTIFY};
     * {@link #nearCache(NearCacheSettings)} changes or disables it.
     *
     * @return this builder
     */
    public MpAuthXBuilder postgresTokenStore() {
        return with(draft::postgresTokenStore);
    }

    /**
     * @param store a token store of your own; closed by {@link MpAuthX#close()}; null chooses none
     * @return this builder
     */
    public MpAuthXBuilder tokenStore(TokenStore store) {
        return with(() -> draft.chooseTokenStore(store == null ? null : new TokenStoreChoice.Custom(store)));
    }

    /**
     * Keeps users in this process. Users are lost at restart: for tests and demos.
     *
     * @return this builder
     */
    public MpAuthXBuilder inMemoryUserRepository() {
        return with(() -> draft.chooseUserStore(new UserStoreChoice.InMemory()));
    }

    /**
     * Keeps users in a SQLite file, for one machine. At {@link #build()} the file is created when missing and
     * migrated by Flyway; a database of the Node.js mpauthx is adopted with every row.
     *
     * @param file the database file, e.g. {@code Path.of("users.db")}
     * @return this builder
     */
    public MpAuthXBuilder sqlite(Path file) {
        return with(() -> draft.chooseUserStore(file == null ? null : new UserStoreChoice.Sqlite(file)));
    }

    /**
     * @param repository a user repository of your own; closed by {@link MpAuthX#close()}; null chooses none
     * @return this builder
     */
    public MpAuthXBuilder userRepository(UserRepository repository) {
        return with(() -> draft.chooseUserStore(repository == null ? null : new UserStoreChoice.Custom(repository)));
    }

    /**
     * Keeps users in PostgreSQL, shared by every instance; mpauthx owns the connection pool and closes it. At
     * {@link #build()} the tables are migrated by Flyway; a table of the Node.js mpauthx is adopted with every row.
     *
     * @param jdbcUrl {@code jdbc:postgresql://host:port/database}, without a password
     * @param user the user to log in as
     * @param password the user's password; never logged or shown; null or empty for none
     * @return this builder
     */
    public MpAuthXBuilder postgres(String jdbcUrl, String user, String password) {
        return with(() -> draft.postgres(jdbcUrl, user, password));
    }

    /**
     * Keeps users in PostgreSQL through the application's own connection pool, which mpauthx never closes.
     *
     * @param dataSource the application's connections to PostgreSQL
     * @return this builder
     */
    public MpAuthXBuilder postgres(DataSource dataSource) {
        return with(() -> draft.postgres(dataSource));
    }

    /**
     * @param schema the PostgreSQL schema of mpauthx's tables, lower case; default {@code public}
     * @return this builder
     */
    public MpAuthXBuilder postgresSchema(String schema) {
        return with(() -> draft.postgres.schema(schema));
    }

    /**
     * @param baseUrl where WeChat's API is, e.g. a proxy or a {@code WeChatSandbox} in tests; an absolute
     *        http(s) URL without query; default {@code https://api.weixin.qq.com}
     * @return this builder
     */
    public MpAuthXBuilder weChatApiBaseUrl(URI baseUrl) {
        return with(() -> draft.weChatApiBaseUrl = baseUrl);
    }

    /**
     * @param timeout how long opening a connection to WeChat may take; positive; default 3 s
     * @return this builder
     */
    public MpAuthXBuilder weChatConnectTimeout(Duration timeout) {
        return with(() -> draft.weChatConnectTimeout = timeout);
    }

    /**
     * @param timeout how long one jscode2session call may take in all, retries of errcode -1 included; after it
     *        {@code authorize} fails with 6006; positive; default 5 s
     * @return this builder
     */
    public MpAuthXBuilder weChatRequestTimeout(Duration timeout) {
        return with(() -> draft.weChatRequestTimeout = timeout);
    }

    /**
     * @param lease the longest one instance may take to refresh the app's WeChat access_token before the other
     *     instances sharing the token store take over (when it died mid-refresh); positive; default 10 s, longer
     *     than {@link #weChatRequestTimeout}'s default so that a live refresher is not overtaken
     * @return this builder
     */
    public MpAuthXBuilder accessTokenRefreshLease(Duration lease) {
        return with(() -> draft.accessTokenRefreshLease = lease);
    }

    /**
     * @param gateway a jscode2session gateway of your own, instead of WeChat's HTTP API; null restores WeChat's
     * @return this builder
     */
    public MpAuthXBuilder weChatGateway(WeChatGateway gateway) {
        return with(() -> draft.weChatGateway = gateway == null ? null : new WeChatGatewayChoice.Custom(gateway));
    }

    /**
     * @param userDataDecryptor a decryptor of your own for {@code encryptedData}; closed by {@link MpAuthX#close()}
     *     when it is {@link AutoCloseable}; null restores the strict AES decryptor
     * @return this builder
     */
    public MpAuthXBuilder decryptor(Decryptor userDataDecryptor) {
        draft.decryptor = userDataDecryptor == null ? new DecryptorChoice.Aes()
                : new DecryptorChoice.Custom(userDataDecryptor);
        return this;
    }

    /**
     * Records mpauthx's meters into a Micrometer registry: token checks by result, logins and refreshes by status
     * code, WeChat calls by endpoint and errcode, near-cache hits and misses, the token store's open connections
     * (names in docs/metrics.md). Micrometer is an optional dependency: without this call nothing is recorded and
     * Micrometer need not be on the class path.
     *
     * @param registry where the meters go; null records nothing
     * @return this builder
     */
    public MpAuthXBuilder meterRegistry(MeterRegistry registry) {
        return with(() -> draft.meterRegistry = registry);
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
        return with(() -> MpAuthXEnvironment.apply(environment, this));
    }

    private MpAuthXBuilder with(Runnable change) {
        change.run();
        return this;
    }

    /**
     * Validates the settings without opening anything; for {@link MpAuthXModule} wiring of your own.
     *
     * @return the configuration
     * @throws MpAuthXException 6001 listing every missing or invalid setting
     */
    public MpAuthXConfig buildConfig() {
        return MpAuthXConfig.validated(draft);
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
}
