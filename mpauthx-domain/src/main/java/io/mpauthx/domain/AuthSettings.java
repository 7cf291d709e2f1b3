package io.mpauthx.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings the use cases run with.
 *
 * @param appId the Mini Program's app id; watermarks must name it
 * @param sku the project namespace of every token issued
 * @param tokenTtl how long a token lives; from {@link #MIN_TOKEN_TTL} to {@link #MAX_TOKEN_TTL}
 * @param maxTokensPerUser how many live tokens (devices) one user may hold per sku; at least 1
 */
public record AuthSettings(String appId, Sku sku, Duration tokenTtl, int maxTokensPerUser) {

    /** The original's token lifetime: three days. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofSeconds(259_200);
    /** The shortest token lifetime the stores can keep: Redis expires keys by the millisecond. */
    public static final Duration MIN_TOKEN_TTL = Duration.ofMillis(1);
    /** The longest token lifetime the stores can keep: a century, whose expiry in microseconds stays exact in Lua. */
    public static final Duration MAX_TOKEN_TTL = Duration.ofDays(36_500);
    /** Devices per user and sku unless configured otherwise. */
    public static final int DEFAULT_MAX_TOKENS_PER_USER = 10;

    /** Validates every setting; the builder gives users friendlier messages before this runs. */
    public AuthSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        if (!isKeepableTokenTtl(tokenTtl)) {
            throw new IllegalArgumentException("tokenTtl must be from " + MIN_TOKEN_TTL + " to " + MAX_TOKEN_TTL);
        }
        if (maxTokensPerUser < 1) {
            throw new IllegalArgumentException("maxTokensPerUser must be at least 1");
        }
    }

    /**
     * @param tokenTtl a token lifetime
     * @return true if every token store can keep a token that long: from {@link #MIN_TOKEN_TTL} to
     *     {@link #MAX_TOKEN_TTL}, both included
     */
    public static boolean isKeepableTokenTtl(Duration tokenTtl) {
        return tokenTtl.compareTo(MIN_TOKEN_TTL) >= 0 && tokenTtl.compareTo(MAX_TOKEN_TTL) <= 0;
    }
}
