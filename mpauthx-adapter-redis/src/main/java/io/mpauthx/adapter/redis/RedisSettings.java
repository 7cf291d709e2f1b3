package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisURI;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How to reach Redis: immutable, validated once by {@link Builder#build()}. The password is never shown by
 * {@link #toString()}. One server or a Sentinel-managed primary is given by {@link Builder#uri(String)}, a Redis
 * Cluster by {@link Builder#cluster(String...)}.
 *
 * <pre>{@code
 * RedisSettings settings = RedisSettings.builder()
 *         .uri("rediss://cache.internal:6380/2")
 *         .password(System.getenv("MPAUTHX_REDISPASS"))
 *         .commandTimeout(Duration.ofMillis(500))
 *         .build();
 * RedisSettings cluster = RedisSettings.builder()
 *         .cluster("redis://10.0.0.1:6379", "redis://10.0.0.2:6379")
 *         .build();
 * }</pre>
 */
public final class RedisSettings {

    /** How long one command may take before it fails with 6000, unless configured otherwise. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** The longest pause between two reconnect attempts while Redis is away. */
    public static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
    /** How often a cluster client reloads the cluster's topology even when nothing tells it to. */
    public static final Duration CLUSTER_TOPOLOGY_REFRESH_PERIOD = Duration.ofSeconds(30);
    /**
     * The least time between two topology reloads a cluster client makes on a hint ({@code MOVED}, {@code ASK},
     * a node it keeps failing to reconnect to): short, so a failover is noticed within about a second.
     */
    public static final Duration CLUSTER_ADAPTIVE_REFRESH_MIN_INTERVAL = Duration.ofSeconds(1);
    /** How long a connection may be quiet before TCP keepalive starts probing it. */
    public static final Duration KEEPALIVE_IDLE = Duration.ofSeconds(5);
    /** The pause between two keepalive probes of a quiet connection. */
    public static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(1);
    /** Unanswered keepalive probes after which the kernel closes the connection. */
    public static final int KEEPALIVE_PROBES = 3;
    /**
     * How long sent data may stay unacknowledged before the kernel closes the connection (TCP_USER_TIMEOUT). Applied
     * only where Netty's epoll or io_uring transport is on the class path; Java's own sockets cannot set it.
     */
    public static final Duration TCP_USER_TIMEOUT = Duration.ofSeconds(10);
    private static final String SENTINEL_SCHEME = "redis-sentinel://";

    /** What kind of deployment the settings name. */
    public enum Topology {
        /** One Redis server (with or without replicas the application does not use). */
        STANDALONE,
        /** A primary found through Redis Sentinel, which promotes a replica when the primary fails. */
        SENTINEL,
        /** A Redis Cluster: keys spread over primaries by hash slot, each with replicas that take over. */
        CLUSTER
    }

    private final String uri;
    private final List<String> clusterSeeds;
    private final String password;
    private final Duration commandTimeout;

    private RedisSettings(Builder builder) {
        this.uri = builder.uri != null ? builder.uri : builder.clusterSeeds.get(0);
        this.clusterSeeds = builder.clusterSeeds;
        this.password = builder.password;
        this.commandTimeout = builder.commandTimeout;
    }

    /** @return a builder with every default set and no URI */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the Redis URI as given: {@code redis://[[user]:password@]host[:port][/database]}, {@code rediss://}
     *     or {@code redis-sentinel://}; for a cluster, its first seed
     */
    public String uri() {
        return uri;
    }

    /** @return the cluster's seed URIs as given; empty unless the settings name a cluster */
    public List<String> clusterSeeds() {
        return clusterSeeds;
    }

    /** @return whether the settings name one server, a Sentinel-managed primary or a cluster */
    public Topology topology() {
        if (!clusterSeeds.isEmpty()) {
            return Topology.CLUSTER;
        }
        return uri.startsWith(SENTINEL_SCHEME) ? Topology.SENTINEL : Topology.STANDALONE;
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
        String where = clusterSeeds.isEmpty() ? "uri=" + maskCredentials(uri)
                : "cluster=" + clusterSeeds.stream().map(RedisSettings::maskCredentials).toList();
        return "RedisSettings[" + where
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
        private List<String> clusterSeeds = List.of();
        private String password;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;

        private Builder() {
        }

        /**
         * @param uri a standard Redis URI; credentials, database and {@code rediss://} (TLS) are taken from it. A
         *     {@code redis-sentinel://host1:26379,host2:26379#primaryName} URI names the sentinels to ask for the
         *     primary; the password then is the primary's
         * @return this builder
         */
        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        /**
         * @param seedUris Redis URIs of some nodes of a Redis Cluster ({@code redis://} or {@code rediss://}); the
         *     client learns the other nodes from them. Instead of {@link #uri(String)}
         * @return this builder
         */
        public Builder cluster(String... seedUris) {
            this.clusterSeeds = seedUris == null ? null : Arrays.asList(seedUris);
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
         * @throws MpAuthXException 6001 naming every setting that is missing or wrong (never a password)
         */
        public RedisSettings build() {
            List<String> problems = new ArrayList<>();
            if (clusterSeeds == null) {
                problems.add("the cluster seeds are missing");
            } else if (uri != null && !clusterSeeds.isEmpty()) {
                problems.add("give either a Redis URI or cluster seeds, not both");
            } else if (clusterSeeds.isEmpty()) {
                validateUri(uri, problems);
            } else {
                clusterSeeds.forEach(seed -> validateClusterSeed(seed, problems));
            }
            if (password != null && password.isEmpty()) {
                problems.add("the Redis password is empty; leave it unset to use the URI's");
            }
            if (commandTimeout == null || commandTimeout.isNegative() || commandTimeout.isZero()) {
                problems.add("the Redis command timeout must be positive");
            }
            if (!problems.isEmpty()) {
                throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, String.join("; ", problems));
            }
            clusterSeeds = List.copyOf(clusterSeeds);
            return new RedisSettings(this);
        }

        private static void validateUri(String uri, List<String> problems) {
            if (uri == null || uri.isBlank()) {
                problems.add("a Redis URI is required, such as redis://127.0.0.1:6379");
            } else if (uri.startsWith(SENTINEL_SCHEME) && !uri.contains("#")) {
                problems.add("a Sentinel URI must name the primary after '#', as in "
                        + "redis-sentinel://127.0.0.1:26379#mymaster: " + maskCredentials(uri));
            } else if (parse(uri).isEmpty()) {
                problems.add("not a Redis URI: " + maskCredentials(uri));
            }
        }

        private static void validateClusterSeed(String seed, List<String> problems) {
            if (seed == null || seed.isBlank()) {
                problems.add("a cluster seed URI is empty");
                return;
            }
            Optional<RedisURI> parsed = parse(seed);
            if (parsed.isEmpty()) {
                problems.add("not a Redis URI: " + maskCredentials(seed));
            } else if (!parsed.get().getSentinels().isEmpty()) {
                problems.add("a cluster seed must be a redis:// or rediss:// URI: " + maskCredentials(seed));
            }
        }

        /** The parser's own message is dropped on purpose: it may quote the URI, password and all. */
        private static Optional<RedisURI> parse(String uri) {
            try {
                return Optional.of(RedisURI.create(uri));
            } catch (RuntimeException invalid) {
                return Optional.empty();
            }
        }
    }
}
