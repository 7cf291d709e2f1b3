package io.mpauthx.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * The near cache of token checks: positive answers of {@code isLive} kept in process memory, evicted by Redis
 * itself when the token changes (RESP3 client tracking), each bounded by the token's own expiry and by
 * {@link #maxStaleness()}. Immutable, validated once by {@link Builder#build()}.
 *
 * <pre>{@code
 * NearCacheSettings nearCache = NearCacheSettings.builder()
 *         .maxEntries(200_000)
 *         .maxStaleness(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 */
public final class NearCacheSettings {

    /** How many answers one process keeps at most, unless configured otherwise: about 20 MB of heap. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** How long one answer may be served without asking Redis again, unless configured otherwise. */
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofSeconds(30);

    private final boolean enabled;
    private final int maxEntries;
    private final Duration maxStaleness;

    private NearCacheSettings(Builder builder) {
        this.enabled = builder.enabled;
        this.maxEntries = builder.maxEntries;
        this.maxStaleness = builder.maxStaleness;
    }

    /** @return a builder with every default set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a near cache with the default bounds */
    public static NearCacheSettings defaults() {
        return builder().build();
    }

    /** @return settings that turn the near cache off: every check asks Redis */
    public static NearCacheSettings disabled() {
        return builder().enabled(false).build();
    }

    /** @return whether checks are cached at all */
    public boolean enabled() {
        return enabled;
    }

    /** @return how many answers are kept at most */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return how long one answer may be served before Redis is asked again, even without an invalidation */
    public Duration maxStaleness() {
        return maxStaleness;
    }

    @Override
    public String toString() {
        return enabled ? "NearCacheSettings[maxEntries=" + maxEntries + ", maxStaleness=" + maxStaleness + "]"
                : "NearCacheSettings[disabled]";
    }

    /** Builds {@link NearCacheSettings}; not thread-safe, cheap to create. */
    public static final class Builder {

        private boolean enabled = true;
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private Duration maxStaleness = DEFAULT_MAX_STALENESS;

        private Builder() {
        }

        /**
         * @param enabled false to ask Redis on every check; default true (a store built without near cache
         *     settings has none, see docs/operations.md)
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * @param maxEntries how many answers to keep at most, at least 1; each costs about 200 bytes of heap
         * @return this builder
         */
        public Builder maxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * @param maxStaleness how long one answer may be served without asking Redis, positive; bounds how
         *     long an invalidation lost with a silently broken connection could go unnoticed
         * @return this builder
         */
        public Builder maxStaleness(Duration maxStaleness) {
            this.maxStaleness = maxStaleness;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException naming the setting that is wrong
         */
        public NearCacheSettings build() {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("the near cache must hold at least 1 entry");
            }
            Objects.requireNonNull(maxStaleness, "maxStaleness");
            if (maxStaleness.isNegative() || maxStaleness.isZero()) {
                throw new IllegalArgumentException("the near cache's maximum staleness must be positive");
            }
            return new NearCacheSettings(this);
        }
    }
}
