package io.mpauthx.adapter.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one shared, thread-safe Lettuce connection of a store, with the client and threads behind it: to one server,
 * to the primary Sentinel names, or to a Redis Cluster. Lettuce multiplexes every caller's commands over it and
 * reconnects by itself when Redis comes back; on a cluster it routes each command by its key's slot, follows
 * {@code MOVED}/{@code ASK} and reloads the topology when told or when a node stays away. The store sees only the
 * commands all three share.
 */
final class LettuceConnection implements AutoCloseable {

    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(10);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 2;

    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;

    private final AtomicBoolean closed = new AtomicBoolean();

    private LettuceConnection(ClientResources resources, AbstractRedisClient client,
                              StatefulConnection<String, String> connection, RedisClusterCommands<String, String> sync,
                              RedisClusterAsyncCommands<String, String> async) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.sync = sync;
        this.async = async;
    }

    /**
     * Connects now (and, on a cluster, loads its topology), so a wrong host or password shows at startup rather
     * than at the first login.
     *
     * @throws io.mpauthx.domain.MpAuthXException 6000 if Redis cannot be reached or refuses the credentials
     */
    static LettuceConnection open(RedisSettings settings) {
        ClientResources resources = clientResources();
        return settings.topology() == RedisSettings.Topology.CLUSTER
                ? openCluster(resources, settings) : openServer(resources, settings);
    }

    /** One server, or through Sentinel: Lettuce asks the sentinels for the primary at every (re)connect. */
    private static LettuceConnection openServer(ClientResources resources, RedisSettings settings) {
        RedisClient client = RedisClient.create(resources, redisUri(settings));
        client.setOptions(clientOptions(settings.commandTimeout()));
        return connect(resources, client, settings, () -> {
            StatefulRedisConnection<String, String> connection = client.connect();
            return new LettuceConnection(resources, client, connection, connection.sync(), connection.async());
        });
    }

    private static LettuceConnection openCluster(ClientResources resources, RedisSettings settings) {
        List<RedisURI> seeds = settings.clusterSeeds().stream().map(seed -> redisUri(seed, settings)).toList();
        RedisClusterClient client = RedisClusterClient.create(resources, seeds);
        client.setOptions(LettuceClusterOptions.of(settings.commandTimeout()));
        return connect(resources, client, settings, () -> {
            StatefulRedisClusterConnection<String, String> connection = client.connect();
            // every read goes to the primary owning the slot: a replica may not have the latest revoke yet
            connection.setReadFrom(ReadFrom.UPSTREAM);
            return new LettuceConnection(resources, client, connection, connection.sync(), connection.async());
        });
    }

    private static LettuceConnection connect(ClientResources resources, AbstractRedisClient client,
                                             RedisSettings settings, Supplier<LettuceConnection> connect) {
        try {
            return connect.get();
        } catch (RuntimeException unreachable) {
            shutdown(client, resources);
            String where = settings.topology() == RedisSettings.Topology.CLUSTER
                    ? "the cluster at " + settings.clusterSeeds().stream().map(RedisSettings::maskCredentials).toList()
                    : RedisSettings.maskCredentials(settings.uri());
            throw RedisFailures.translate("connect to " + where, unreachable);
        }
    }

    /** Threads and the reconnect schedule: retries from 10 ms, doubling, up to the settings' maximum. */
    static ClientResources clientResources() {
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(FIRST_RECONNECT_DELAY, RedisSettings.MAX_RECONNECT_DELAY, 2,
                        TimeUnit.MILLISECONDS))
                .build();
    }

    /** The URI of one server or of the sentinels, with the settings' timeout and password. */
    static RedisURI redisUri(RedisSettings settings) {
        return redisUri(settings.uri(), settings);
    }

    /** Set on the parsed URI rather than through {@code RedisURI.builder(uri)}, which would drop the sentinels. */
    private static RedisURI redisUri(String uri, RedisSettings settings) {
        RedisURI parsed = RedisURI.create(uri);
        parsed.setTimeout(settings.commandTimeout());
        settings.password().ifPresent(password -> parsed.setPassword(password.toCharArray()));
        return parsed;
    }

    /**
     * While disconnected, commands are rejected at once instead of queueing for a Redis that may never return:
     * a caller gets 6000 promptly. Async commands time out like blocking ones.
     */
    static ClientOptions clientOptions(Duration commandTimeout) {
        ClientOptions.Builder options = ClientOptions.builder();
        applyCommonOptions(options, commandTimeout);
        return options.build();
    }

    static void applyCommonOptions(ClientOptions.Builder options, Duration commandTimeout) {
        options.autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).keepAlive(true).build());
    }

    /** @return blocking commands, the same for one server, Sentinel and a cluster */
    RedisClusterCommands<String, String> sync() {
        return sync;
    }

    /** @return asynchronous commands, the same for one server, Sentinel and a cluster */
    RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    /** Closes the connection and stops the client's threads. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.close();
            shutdown(client, resources);
        }
    }

    static void shutdown(AbstractRedisClient client, ClientResources resources) {
        client.shutdown(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        resources.shutdown(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
