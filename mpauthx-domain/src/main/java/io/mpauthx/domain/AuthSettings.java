package io.mpauthx.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings the use cases run with.
 *
 * @param appId the Mini Program's app id; watermarks must name it
 * @param sku the project namespace of every token issued, {@code [A-Za-z0-9_-]{1,64}}
 * @param tokenTtl how long a token lives; positive
 * @param maxTokensPerUser how many live tokens (devices) one user may hold per sku; at least 1
 */
public record AuthSettings(String appId, String sku, Duration tokenTtl, int maxTokensPerUser) {

    /** The original's token lifetime: three days. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofSeconds(259_200);
    /** Devices per user and sku unless configured otherwise. */
    public static final int DEFAULT_MAX_TOKENS_PER_USER = 10;

    /** Validates every setting; the builder gives users friendlier messages before this runs. */
    public AuthSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        if (!Identifiers.isValidSku(sku)) {
            throw new IllegalArgumentException("sku must match [A-Za-z0-9_-]{1,64}");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive");
        }
        if (maxTokensPerUser < 1) {
            throw new IllegalArgumentException("maxTokensPerUser must be at least 1");
        }
    }
}
