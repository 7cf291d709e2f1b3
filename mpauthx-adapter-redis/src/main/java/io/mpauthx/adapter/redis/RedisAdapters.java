package io.mpauthx.adapter.redis;

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
     * timeout, and the same store works again once Redis is back or a replica has been promoted.
     *
     * @param settings where Redis is and how long a command may take
     * @return the token store, connected
     * @throws io.mpauthx.domain.MpAuthXException 6000 if Redis cannot be reached, refuses the credentials or
     *     cannot load a script
     */
    public static TokenStore tokenStore(RedisSettings settings) {
        Objects.requireNonNull(settings, "settings");
        LettuceConnection connection = LettuceConnection.open(settings);
        try {
            return new RedisTokenStore(connection);
        } catch (RuntimeException failure) {
            connection.close();
            throw failure;
        }
    }

    /**
     * As {@link #tokenStore(RedisSettings)}, with a near cache of positive checks in front when the near cache
     * settings enable it: repeated checks of a live token are answered from memory, and Redis itself invalidates
     * them (RESP3 client tracking on a second connection) when the token is revoked, refreshed, evicted or
     * expires on any instance. Standalone Redis only. See docs/operations.md.
     *
     * @param settings where Redis is and how long a command may take
     * @param nearCache whether and how much to cache; {@link NearCacheSettings#disabled()} gives the plain store
     * @return the token store, connected, with client tracking on
     * @throws io.mpauthx.domain.MpAuthXException 6000 if Redis cannot be reached, refuses the credentials, RESP3 or
     *     client tracking, or cannot load a script
     */
    public static TokenStore tokenStore(RedisSettings settings, NearCacheSettings nearCache) {
        Objects.requireNonNull(nearCache, "nearCache");
        if (nearCache.enabled() && settings.topology() != RedisSettings.Topology.STANDALONE) {
            throw new IllegalArgumentException("the near cache works on one Redis server only, not on "
                    + settings.topology() + ": client tracking follows one connection");
        }
        TokenStore store = tokenStore(settings);
        if (!nearCache.enabled()) {
            return store;
        }
        try {
            NearCache cache = new NearCache(nearCache.maxEntries(), nearCache.maxStaleness(), System::nanoTime);
            return new NearCachedTokenStore(store, cache, TrackingConnection.open(settings, cache));
        } catch (RuntimeException failure) {
            store.close();
            throw failure;
        }
    }
}
