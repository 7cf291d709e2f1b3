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
}
