package io.mpauthx.domain;

import java.time.Duration;

/**
 * The near cache of token checks: positive answers of a shared token store kept in process memory, voided by the
 * store itself when the user's tokens change (on Redis: RESP3 client tracking), each bounded by the token's own
 * expiry and by {@link #maxStaleness()}. A heartbeat on the store's notification link proves every
 * {@link #heartbeatInterval()} that invalidations still arrive; when no proof came within {@link #heartbeatBound()}
 * (a link that died without closing), nothing cached is served. Immutable, validated once by
 * {@link Builder#build()}; a wrong value is refused with {@link MpAuthXException} 6001 naming it.
 *
 * <pre>{@code
 * NearCacheSettings nearCache = NearCacheSettings.builder()
 *         .maxEntries(200_000)
 *         .maxStaleness(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 */
public final class NearCacheSettings {

    /** How many users' answers one process keeps at most, unless configured otherwise: about 30 MB of heap. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** How long one answer may be served without asking the store again, unless configured otherwise. */
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofSeconds(30);
    /** How often the store's notification link is pinged, unless configured otherwise. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofMillis(250);
    /** How long one heartbeat may take before the link counts as silent, unless configured otherwise. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofMillis(500);

    private final boolean enabled;
    private final int maxEntries;
    private final Duration maxStaleness;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;

    private NearCacheSettings(Builder builder) {
        this.enabled = builder.enabled;
        this.maxEntries = builder.maxEntries;
        this.maxStaleness = builder.maxStaleness;
        this.heartbeatInterval = builder.heartbeatInterval;
        this.heartbeatTimeout = builder.heartbeatTimeout;
    }

    /** @return a builder with every default set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a near cache with the default bounds */
    public static NearCacheSettings defaults() {
        return builder().build();
    }

    /** @return settings that turn the near cache off: every check asks the store */
    public static NearCacheSettings disabled() {
        return builder().enabled(false).build();
    }

    /** @return whether checks are cached at all */
    public boolean enabled() {
        return enabled;
    }

    /** @return how many users' answers are kept at most */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return how long one answer may be served before the store is asked again, even without an invalidation */
    public Duration maxStaleness() {
        return maxStaleness;
    }

    /** @return how often the notification link is pinged to prove that invalidations still arrive */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** @return how long one heartbeat may take before the notification link counts as silent */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /**
     * @return the longest a cached answer is served after the last proof that invalidations arrive: the interval
     *     plus the timeout. A revocation lost on a silently dead link is honoured here within this bound.
     */
    public Duration heartbeatBound() {
        return heartbeatInterval.plus(heartbeatTimeout);
    }

    @Override
    public String toString() {
        return enabled ? "NearCacheSettings[maxEntries=" + maxEntries + ", maxStaleness=" + maxStaleness
                + ", heartbeatInterval=" + heartbeatInterval + ", heartbeatTimeout=" + heartbeatTimeout + "]"
                : "NearCacheSettings[disabled]";
    }

    /** Builds {@link NearCacheSettings}; not thread-safe, cheap to create. */
    public static final class Builder {

        private boolean enabled = true;
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private Duration maxStaleness = DEFAULT_MAX_STALENESS;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;

        private Builder() {
        }

        /**
         * @param enabled false to ask the store on every check; default true (a store built without near cache
         *     settings has none, see docs/operations.md)
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * @param maxEntries how many users' answers to keep at most, at least 1; each costs about 300 bytes of heap
         *     with one token (a user's answers go together, as a change to any of them voids them all)
         * @return this builder
         */
        public Builder maxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * @param maxStaleness how long one answer may be served without asking the store, positive; bounds how
         *     long an invalidation lost with a silently broken connection could go unnoticed
         * @return this builder
         */
        public Builder maxStaleness(Duration maxStaleness) {
            this.maxStaleness = maxStaleness;
            return this;
        }

        /**
         * @param heartbeatInterval how often to ping the notification link, positive
         * @return this builder
         */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
            return this;
        }

        /**
         * @param heartbeatTimeout how long one heartbeat may take before the link counts as silent, positive
         * @return this builder
         */
        public Builder heartbeatTimeout(Duration heartbeatTimeout) {
            this.heartbeatTimeout = heartbeatTimeout;
            return this;
        }

        /**
         * @return the settings
         * @throws MpAuthXException 6001 naming the setting that is wrong
         */
        public NearCacheSettings build() {
            requirePositive(heartbeatInterval, "heartbeat interval");
            requirePositive(heartbeatTimeout, "heartbeat timeout");
            if (maxEntries < 1) {
                throw refused("the near cache must hold at least 1 entry");
            }
            requirePositive(maxStaleness, "maximum staleness");
            return new NearCacheSettings(this);
        }

        private static void requirePositive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw refused("the near cache's " + name + " must be positive");
            }
        }

        private static MpAuthXException refused(String why) {
            return new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, why);
        }
    }
}
