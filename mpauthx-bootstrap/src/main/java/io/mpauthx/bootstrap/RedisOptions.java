package io.mpauthx.bootstrap;

import io.mpauthx.adapter.redis.NearCacheSettings;
import io.mpauthx.adapter.redis.RedisAdapters;
import io.mpauthx.adapter.redis.RedisSettings;
import io.mpauthx.domain.port.out.TokenStore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The builder's Redis options. {@code redis(uri)} may come before or after the password and timeout, so the
 * token store choice is made only when {@link MpAuthXBuilder#buildConfig()} has them all.
 */
final class RedisOptions {

    /** What the builder holds as its token store choice between {@code redis(uri)} and {@code buildConfig()}. */
    static final AdapterChoice<TokenStore> PENDING = new AdapterChoice<>("Redis", config -> {
        throw new IllegalStateException("buildConfig() replaces the pending Redis choice");
    });

    private String uri;
    private String password;
    private Duration commandTimeout = RedisSettings.DEFAULT_COMMAND_TIMEOUT;
    private NearCacheSettings nearCache = NearCacheSettings.disabled();

    void uri(String redisUri) {
        this.uri = redisUri;
    }

    void password(String redisPassword) {
        this.password = redisPassword;
    }

    void commandTimeout(Duration timeout) {
        this.commandTimeout = timeout;
    }

    void nearCache(NearCacheSettings settings) {
        this.nearCache = settings;
    }

    /** @return true if an enabled near cache was asked for, which only a Redis token store can honour */
    boolean wantsNearCache() {
        return nearCache != null && nearCache.enabled();
    }

    /**
     * Validates the settings now; the store connects when the facade is built.
     *
     * @param problems where a problem with the settings is added
     * @return the choice, or null after adding a problem
     */
    AdapterChoice<TokenStore> choice(List<String> problems) {
        try {
            RedisSettings settings = RedisSettings.builder()
                    .uri(uri).password(password).commandTimeout(commandTimeout).build();
            NearCacheSettings cache = Objects.requireNonNull(nearCache, "nearCache");
            return new AdapterChoice<>(settings + " with " + cache, config -> RedisAdapters.tokenStore(settings, cache));
        } catch (IllegalArgumentException | NullPointerException invalid) {
            problems.add("redis: " + invalid.getMessage());
            return null;
        }
    }
}
