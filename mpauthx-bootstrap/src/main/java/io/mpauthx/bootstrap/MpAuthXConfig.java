package io.mpauthx.bootstrap;

import io.mpauthx.adapter.wechat.WeChatSettings;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StatusCode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validated, immutable configuration of one {@link MpAuthX}: made by {@link MpAuthXBuilder#buildConfig()},
 * which checks every setting here at once; consumed by {@link MpAuthXModule}, which opens the adapters it names.
 * {@link #toString()} never shows the app secret.
 */
public final class MpAuthXConfig {

    /** Put in for missing credentials while the other WeChat settings are checked; never used to connect. */
    private static final String CREDENTIAL_STAND_IN = "missing";

    private final AuthSettings settings;
    private final Clock clock;
    private final TokenStoreChoice tokenStore;
    private final UserStoreChoice userStore;
    private final WeChatGatewayChoice weChatGateway;
    private final DecryptorChoice decryptor;
    private final WeChatSettings serverApis;
    private final Duration accessTokenRefreshLease;
    /** A Micrometer {@code MeterRegistry}; typed {@code Object} so that this class loads without Micrometer. */
    private final Optional<Object> meterRegistry;

    private MpAuthXConfig(AuthSettings settings, Clock clock, TokenStoreChoice tokenStore, UserStoreChoice userStore,
                          WeChatGatewayChoice weChatGateway, DecryptorChoice decryptor, WeChatSettings serverApis,
                          Duration accessTokenRefreshLease, Optional<Object> meterRegistry) {
        this.settings = settings;
        this.clock = clock;
        this.tokenStore = tokenStore;
        this.userStore = userStore;
        this.weChatGateway = weChatGateway;
        this.decryptor = decryptor;
        this.serverApis = serverApis;
        this.accessTokenRefreshLease = accessTokenRefreshLease;
        this.meterRegistry = meterRegistry;
    }

    /** Every check of the builder's settings, each problem named as the builder names the option. */
    static MpAuthXConfig validated(ConfigDraft draft) {
        List<String> problems = new ArrayList<>();
        requireText(draft.appId, "appId", problems);
        requireText(draft.appSecret, "appSecret", problems);
        Optional<Sku> sku = sku(draft.sku, problems);
        checkLimits(draft, problems);
        UserStoreChoice userStore = draft.postgresChosen ? draft.postgres.choice(problems) : draft.userStore;
        TokenStoreChoice tokenStore = tokenStore(draft, userStore, problems);
        if (userStore == null && !draft.postgresChosen) {
            problems.add("no user store chosen: call sqlite(path), postgres(...), inMemoryUserRepository() or "
                    + "userRepository(...)");
        }
        Optional<WeChatSettings> weChatSettings = weChatSettings(draft, problems);
        Duration lease = draft.accessTokenRefreshLease;
        if (lease == null || lease.isNegative() || lease.isZero()) {
            problems.add("accessTokenRefreshLease must be positive");
        }
        if (!problems.isEmpty()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
                    "invalid MpAuthX configuration: " + String.join("; ", problems));
        }
        AuthSettings settings = new AuthSettings(draft.appId, sku.orElseThrow(), draft.tokenTtl,
                draft.maxTokensPerUser);
        WeChatGatewayChoice weChat = draft.weChatGateway != null ? draft.weChatGateway
                : new WeChatGatewayChoice.Http(weChatSettings.orElseThrow());
        return new MpAuthXConfig(settings, draft.clock, tokenStore, userStore, weChat, draft.decryptor,
                weChatSettings.orElseThrow(), lease, Optional.ofNullable(draft.meterRegistry));
    }

    private static Optional<Sku> sku(String sku, List<String> problems) {
        if (sku == null || sku.isBlank()) {
            problems.add("sku is required");
            return Optional.empty();
        }
        Optional<Sku> parsed = Sku.parse(sku);
        if (parsed.isEmpty()) {
            problems.add("sku must match [A-Za-z0-9_-]{1,64} (no '.', which separates the parts of a token)");
        }
        return parsed;
    }

    private static void checkLimits(ConfigDraft draft, List<String> problems) {
        Duration ttl = draft.tokenTtl;
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            problems.add("tokenTtl must be positive");
        } else if (!AuthSettings.isKeepableTokenTtl(ttl)) {
            problems.add("tokenTtl must be between " + AuthSettings.MIN_TOKEN_TTL.toMillis() + " ms and "
                    + AuthSettings.MAX_TOKEN_TTL.toDays() + " days, the lifetimes the token stores can keep");
        }
        if (draft.maxTokensPerUser < 1) {
            problems.add("maxTokensPerUser must be at least 1");
        }
        if (draft.clock == null) {
            problems.add("clock must not be null");
        }
    }

    private static TokenStoreChoice tokenStore(ConfigDraft draft, UserStoreChoice userStore, List<String> problems) {
        if (draft.redisChosen) {
            return draft.redis.choice(problems);
        }
        if (draft.postgresTokensChosen) {
            if (userStore instanceof UserStoreChoice.Postgres postgres) {
                return new TokenStoreChoice.Postgres(postgres.settings(),
                        draft.redis.nearCacheOr(NearCacheSettings.defaults()));
            }
            if (!draft.postgresChosen) {
                problems.add("postgresTokenStore() needs postgres(...): tokens are kept in the users' database, on "
                        + "the same connections");
            }
            return null;
        }
        if (draft.tokenStore == null) {
            problems.add("no token store chosen: call redis(uri), redisSentinel(uri), redisCluster(seeds...), "
                    + "postgresTokenStore(), inMemoryTokenStore() or tokenStore(...)");
        }
        if (draft.redis.wantsNearCache()) {
            problems.add("nearCache(...) needs redis(uri) or postgresTokenStore(): Redis client tracking or "
                    + "PostgreSQL LISTEN/NOTIFY keeps the near cache honest");
        }
        return draft.tokenStore;
    }

    /**
     * WeChat's HTTP settings, for jscode2session unless a gateway of the application's replaces it, and always for
     * the server APIs. Stand-ins for missing credentials, so that the other settings are checked in the same pass.
     */
    private static Optional<WeChatSettings> weChatSettings(ConfigDraft draft, List<String> problems) {
        try {
            WeChatSettings settings = WeChatSettings.builder()
                    .appId(hasText(draft.appId) ? draft.appId : CREDENTIAL_STAND_IN)
                    .appSecret(hasText(draft.appSecret) ? draft.appSecret : CREDENTIAL_STAND_IN)
                    .baseUrl(draft.weChatApiBaseUrl).connectTimeout(draft.weChatConnectTimeout)
                    .requestTimeout(draft.weChatRequestTimeout).build();
            return Optional.of(settings);
        } catch (MpAuthXException invalid) {
            problems.add(invalid.reason());
            return Optional.empty();
        }
    }

    private static void requireText(String value, String name, List<String> problems) {
        if (!hasText(value)) {
            problems.add(name + " is required");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** @return app id, sku, token TTL and device cap */
    public AuthSettings settings() {
        return settings;
    }

    /** @return the Mini Program's app id */
    public String appId() {
        return settings.appId();
    }

    /** @return the sku every token is issued for */
    public String sku() {
        return settings.sku().value();
    }

    /** @return how long a token lives */
    public Duration tokenTtl() {
        return settings.tokenTtl();
    }

    /** @return the clock the in-process adapters run on */
    public Clock clock() {
        return clock;
    }

    TokenStoreChoice tokenStore() {
        return tokenStore;
    }

    UserStoreChoice userStore() {
        return userStore;
    }

    WeChatGatewayChoice weChatGateway() {
        return weChatGateway;
    }

    DecryptorChoice decryptor() {
        return decryptor;
    }

    /** @return how WeChat's server APIs (stable_token, getuserphonenumber) are reached */
    WeChatSettings serverApis() {
        return serverApis;
    }

    /** @return the longest one instance refreshes the shared access_token before others may take over */
    Duration accessTokenRefreshLease() {
        return accessTokenRefreshLease;
    }

    /** @return the Micrometer registry to record into, when one was given */
    Optional<Object> meterRegistry() {
        return meterRegistry;
    }

    @Override
    public String toString() {
        return "MpAuthXConfig[appId=" + settings.appId() + ", appSecret=<redacted>, sku=" + settings.sku()
                + ", tokenTtl=" + settings.tokenTtl() + ", maxTokensPerUser=" + settings.maxTokensPerUser()
                + ", tokenStore=" + tokenStore.description() + ", userRepository=" + userStore.description()
                + ", weChatGateway=" + weChatGateway.description() + "]";
    }
}
