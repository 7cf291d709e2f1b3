package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisURI;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Redis: immutable, validated once by {@link Builder#build()}. The password is never shown by
 * {@link #toString()}.
 *
 * <pre>{@code
 * RedisSettings settings = RedisSettings.builder()
 *         .uri("rediss://cache.internal:6380/2")
 *         .password(System.getenv("MPAUTHX_REDISPASS"))
 *         .commandTimeout(Duration.ofMillis(500))
 *         .build();
 * }</pre>
 */
public final class RedisSettings {

    /** How long one command may take before it fails with 6000, unless configured otherwise. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** The longest pause between two reconnect attempts while Redis is away. */
    public static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final String uri;
    private final String password;
    private final Duration commandTimeout;

    private RedisSettings(Builder builder) {
        this.uri = builder.uri;
        this.password = builder.password;
        this.commandTimeout = builder.commandTimeout;
    }

    /** @return a builder with every default set and no URI */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the Redis URI as given: {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} */
    public String uri() {
        return uri;
    }

    /** @return the password that replaces any in the URI, if one was set */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** @return how long one command may take before it fails */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** @return the settings with the URI's credentials and any password masked */
    @Override
    public String toString() {
        return "RedisSettings[uri=" + maskCredentials(uri)
                + ", password=" + (password == null ? "from uri" : "****")
                + ", commandTimeout=" + commandTimeout + "]";
    }

    /** @return the URI with its user info replaced by {@code ****} */
    static String maskCredentials(String uri) {
        return uri.replaceFirst("://.*@", "://****@");
    }

    /** Builds {@link RedisSettings}; not thread-safe, cheap to create. */
    public static final class Builder {

        private String uri;
        private String password;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;

        private Builder() {
        }

        /**
         * @param uri a standard Redis URI; credentials, database and {@code rediss://} (TLS) are taken from it
         * @return this builder
         */
        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        /**
         * @param password replaces the URI's password (the original mpauthx took it separately); null keeps
         *     the URI's
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * @param commandTimeout how long one command may take, positive; also bounds connecting
         * @return this builder
         */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException naming the setting that is missing or wrong
         */
        public RedisSettings build() {
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException("a Redis URI is required, such as redis://127.0.0.1:6379");
            }
            try {
                RedisURI.create(uri);
            } catch (RuntimeException invalid) {
                // the cause is dropped on purpose: its message may quote the URI, password and all
                throw new IllegalArgumentException("not a Redis URI: " + maskCredentials(uri));
            }
            if (password != null && password.isEmpty()) {
                throw new IllegalArgumentException("the Redis password is empty; leave it unset to use the URI's");
            }
            Objects.requireNonNull(commandTimeout, "commandTimeout");
            if (commandTimeout.isNegative() || commandTimeout.isZero()) {
                throw new IllegalArgumentException("the Redis command timeout must be positive");
            }
            return new RedisSettings(this);
        }
    }
}
