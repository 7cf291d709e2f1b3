package io.mpauthx.bootstrap;

import io.mpauthx.adapter.redis.RedisAdapters;
import io.mpauthx.adapter.redis.RedisSettings;
import io.mpauthx.domain.port.out.TokenStore;

import java.time.Duration;
import java.util.List;

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

    void uri(String redisUri) {
        this.uri = redisUri;
    }

    void password(String redisPassword) {
        this.password = redisPassword;
    }

    void commandTimeout(Duration timeout) {
        this.commandTimeout = timeout;
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
            return new AdapterChoice<>(settings.toString(), config -> RedisAdapters.tokenStore(settings));
        } catch (IllegalArgumentException | NullPointerException invalid) {
            problems.add("redis: " + invalid.getMessage());
            return null;
        }
    }
}
