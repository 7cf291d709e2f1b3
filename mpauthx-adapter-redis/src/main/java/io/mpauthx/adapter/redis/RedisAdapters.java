package io.mpauthx.adapter.redis;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.cache.NearCache;
import io.mpauthx.domain.port.out.RetainedSessionKeys;
import io.mpauthx.domain.port.out.SharedAppAccessToken;
import io.mpauthx.domain.port.out.TokenStore;

import java.util.Objects;

/** The Redis adapter's one entry point: builds the production {@link TokenStore}. */
public final class RedisAdapters {

    private RedisAdapters() {
    }

    /**
     * Connects to Redis (one server, the primary Sentinel names, or a Redis Cluster, as the settings say) and loads
     * the store's Lua scripts. The store holds one shared, thread-safe connection; close it when the application
     * stops. While Redis (or the primary holding a user) is away every call fails with 6000 within the command
     * timeout, and the same store works again once Redis is back or a replica has been promoted. Logs one WARN when
     * Redis's {@code maxmemory-policy} may evict users (see docs/redis.md).
     *
     * @param settings where Redis is and how long a command may take
     * @return the token store, connected
     * @throws io.mpauthx.domain.MpAuthXException 6000 if Redis cannot be reached, refuses the credentials or
     *     cannot load a script
     */
    public static TokenStore tokenStore(RedisSettings settings) {
        return open(settings);
    }

    /**
     * As {@link #tokenStore(RedisSettings)}, with a near cache of positive checks in front when the near cache
     * settings enable it: repeated checks of a live token are answered from memory, and Redis itself invalidates
     * them (RESP3 client tracking on a second connection, confirmed by a heartbeat) when the token's owner changes
     * on any instance. Standalone Redis only. See docs/operations.md.
     *
     * @param settings where Redis is and how long a command may take
     * @param nearCache whether and how much to cache; {@link NearCacheSettings#disabled()} gives the plain store
     * @return the token store, connected, with client tracking on
     * @throws MpAuthXException 6000 if Redis cannot be reached, refuses the credentials, RESP3 or client tracking,
     *     or cannot load a script; 6001 for a near cache on Cluster or Sentinel
     */
    public static TokenStore tokenStore(RedisSettings settings, NearCacheSettings nearCache) {
        Objects.requireNonNull(nearCache, "nearCache");
        if (nearCache.enabled() && settings.topology() != RedisSettings.Topology.STANDALONE) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "the near cache works on one Redis "
                    + "server only, not on " + settings.topology() + ": its client tracking follows one connection");
        }
        if (!nearCache.enabled()) {
            return open(settings);
        }
        return nearCached(settings, nearCache, new NearCache(nearCache.maxEntries(), nearCache.maxStaleness(),
                nearCache.heartbeatBound(), System::nanoTime));
    }

    /**
     * Where every instance finds the app's WeChat access_token: beside the tokens, on the connection of a store
     * this class made (so closing the store closes it too). The keys are {@code mpauthx:{app:<appId>}:access_token}
     * and its {@code :lease}.
     *
     * @param tokenStore a store made by {@link #tokenStore}
     * @param appId the Mini Program's app id, which the token belongs to
     * @return the shared access_token
     * @throws IllegalArgumentException if the store was not made here
     */
    public static SharedAppAccessToken sharedAppAccessToken(TokenStore tokenStore, String appId) {
        Objects.requireNonNull(appId, "appId");
        RedisTokenStore redis = madeHere(tokenStore);
        return new RedisSharedAppAccessToken(redis.connection(), redis.scripts(), appId);
    }

    /**
     * Where the sealed session keys of users are retained: beside each user's tokens
     * ({@code mpauthx:{<sku>:<userId>}:sk}), on the connection of a store this class made.
     *
     * @param tokenStore a store made by {@link #tokenStore}
     * @return the retained keys
     * @throws IllegalArgumentException if the store was not made here
     */
    public static RetainedSessionKeys retainedSessionKeys(TokenStore tokenStore) {
        return new RedisRetainedSessionKeys(madeHere(tokenStore).connection());
    }

    private static RedisTokenStore madeHere(TokenStore tokenStore) {
        TokenStore plain = tokenStore instanceof NearCachedTokenStore nearCached ? nearCached.plainStore() : tokenStore;
        if (!(plain instanceof RedisTokenStore redis)) {
            throw new IllegalArgumentException("the token store was not made by RedisAdapters");
        }
        return redis;
    }

    /** The near-cached store around a cache the caller holds (tests look into it). */
    static TokenStore nearCached(RedisSettings settings, NearCacheSettings nearCache, NearCache cache) {
        RedisTokenStore store = open(settings);
        try {
            TrackingConnection tracking = TrackingConnection.open(settings, nearCache, cache, store.scripts(),
                    store.resources());
            return new NearCachedTokenStore(store, cache, tracking);
        } catch (RuntimeException failure) {
            store.close();
            throw failure;
        }
    }

    private static RedisTokenStore open(RedisSettings settings) {
        Objects.requireNonNull(settings, "settings");
        LettuceConnection connection = LettuceConnection.open(settings);
        try {
            RedisTokenStore store = new RedisTokenStore(connection);
            EvictionPolicyCheck.warnIfEvicting(connection);
            return store;
        } catch (RuntimeException failure) {
            connection.close();
            throw failure;
        }
    }
}
