package io.mpauthx.bootstrap;

import io.mpauthx.adapter.redis.RedisSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;

import java.time.Duration;
import java.util.List;

/**
 * The builder's Redis options. {@code redis(uri)}, {@code redisSentinel(uri)} or {@code redisCluster(seeds...)}
 * (the last one called wins) may come before or after the password and timeout, so the token store choice is
 * made only when {@link MpAuthXBuilder#buildConfig()} has them all.
 */
final class RedisOptions {

    private String uri;
    private String[] clusterSeeds;
    private boolean sentinelExpected;
    private String password;
    private Duration commandTimeout = RedisSettings.DEFAULT_COMMAND_TIMEOUT;
    /** Null until chosen: then on with defaults for one server, off for Cluster and Sentinel. */
    private NearCacheSettings nearCache;

    void uri(String redisUri) {
        this.uri = redisUri;
        this.clusterSeeds = null;
        this.sentinelExpected = false;
    }

    void sentinel(String sentinelUri) {
        uri(sentinelUri);
        this.sentinelExpected = true;
    }

    void cluster(String... seedUris) {
        uri(null);
        // an empty array stays distinguishable from "not a cluster", so that build() can name the mistake
        this.clusterSeeds = seedUris == null ? new String[] {null} : seedUris.clone();
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

    /** @return the near cache asked for, or {@code otherwise} when none was */
    NearCacheSettings nearCacheOr(NearCacheSettings otherwise) {
        return nearCache != null ? nearCache : otherwise;
    }

    /** @return true if an enabled near cache was asked for, which only a Redis or PostgreSQL token store can honour */
    boolean wantsNearCache() {
        return nearCache != null && nearCache.enabled();
    }

    /**
     * Validates the settings now; the store connects when the facade is built.
     *
     * @param problems where a problem with the settings is added
     * @return the choice, or null after adding a problem
     */
    TokenStoreChoice.Redis choice(List<String> problems) {
        try {
            RedisSettings.Builder builder = RedisSettings.builder().password(password).commandTimeout(commandTimeout);
            RedisSettings settings = clusterSeeds == null ? builder.uri(uri).build() : clusterSettings(builder);
            if (sentinelExpected && settings.topology() != RedisSettings.Topology.SENTINEL) {
                problems.add("redisSentinel: expects a redis-sentinel://host:port[,host:port...]#primaryName URI");
                return null;
            }
            boolean oneServer = settings.topology() == RedisSettings.Topology.STANDALONE;
            NearCacheSettings cache = nearCache != null ? nearCache
                    : oneServer ? NearCacheSettings.defaults() : NearCacheSettings.disabled();
            if (cache.enabled() && !oneServer) {
                problems.add("nearCache(...) works with redis(uri) on one server only, not on Redis "
                        + (settings.topology() == RedisSettings.Topology.CLUSTER ? "Cluster" : "Sentinel")
                        + ": its invalidations follow one tracking connection, which a failover or a reshard "
                        + "would silently leave behind");
                return null;
            }
            return new TokenStoreChoice.Redis(settings, cache);
        } catch (MpAuthXException invalid) {
            problems.add("redis: " + invalid.reason());
            return null;
        }
    }

    private RedisSettings clusterSettings(RedisSettings.Builder builder) {
        if (clusterSeeds.length == 0) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
                    "redisCluster needs at least one seed URI, such as redis://10.0.0.1:6379");
        }
        return builder.cluster(clusterSeeds).build();
    }
}
