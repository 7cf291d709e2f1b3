package io.mpauthx.adapter.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.EpollProvider;
import io.lettuce.core.resource.IOUringProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one shared, thread-safe Lettuce connection of a store, with the client and threads behind it: to one server,
 * to the primary Sentinel names, or to a Redis Cluster. Lettuce multiplexes every caller's commands over it and
 * reconnects by itself when Redis closes the link or comes back; on a cluster it routes each command by its key's
 * slot, follows {@code MOVED}/{@code ASK} and reloads the topology when told or when a node stays away. The store
 * sees only the commands all three share. Keys are text, values raw bytes ({@link #CODEC}).
 *
 * <p>A link that dies <em>silently</em> is Lettuce's blind spot: nothing closes it, so Lettuce keeps it while every
 * command on it times out. The store reports each outcome here ({@link #answered()}, {@link #failed}); after
 * {@link TimeoutStreak#LIMIT} timeouts in a row a new connection is opened in the background and takes the old
 * one's place. TCP keepalive probes an idle link every second after five quiet seconds, and where Netty's epoll or
 * io_uring transport is on the class path a TCP user timeout bounds how long unacknowledged data may wait.
 */
final class LettuceConnection implements AutoCloseable {

    /** Keys are text (sku and user id are ASCII); values are bytes, as token hashes travel raw. */
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private static final Logger LOG = LoggerFactory.getLogger(LettuceConnection.class);
    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(10);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 2;

    /** One open connection and its two command interfaces. */
    record Commands(StatefulConnection<String, byte[]> connection, RedisClusterCommands<String, byte[]> sync,
                    RedisClusterAsyncCommands<String, byte[]> async) {
    }

    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final Supplier<CompletableFuture<Commands>> connector;
    private final String where;
    private final Duration commandTimeout;
    private final TimeoutStreak timeouts = new TimeoutStreak(this::replace);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Commands current;

    private LettuceConnection(ClientResources resources, AbstractRedisClient client,
                              Supplier<CompletableFuture<Commands>> connector, String where, Duration commandTimeout) {
        this.resources = resources;
        this.client = client;
        this.connector = connector;
        this.where = where;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Connects now (and, on a cluster, loads its topology), so a wrong host or password shows at startup rather
     * than at the first login.
     *
     * @throws io.mpauthx.domain.MpAuthXException 6000 if Redis cannot be reached or refuses the credentials
     */
    static LettuceConnection open(RedisSettings settings) {
        ClientResources resources = clientResources();
        LettuceConnection connection = settings.topology() == RedisSettings.Topology.CLUSTER
                ? cluster(resources, settings) : server(resources, settings);
        try {
            connection.current = connection.connector.get().join();
            return connection;
        } catch (RuntimeException unreachable) {
            shutdown(connection.client, resources);
            throw RedisFailures.translate("connect to " + connection.where, unreachable);
        }
    }

    /** One server, or through Sentinel: Lettuce asks the sentinels for the primary at every (re)connect. */
    private static LettuceConnection server(ClientResources resources, RedisSettings settings) {
        RedisURI uri = redisUri(settings);
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(clientOptions(settings.commandTimeout()));
        return new LettuceConnection(resources, client, () -> client.connectAsync(CODEC, uri).toCompletableFuture()
                .thenApply(connection -> new Commands(connection, connection.sync(), connection.async())),
                RedisSettings.maskCredentials(settings.uri()), settings.commandTimeout());
    }

    private static LettuceConnection cluster(ClientResources resources, RedisSettings settings) {
        List<RedisURI> seeds = settings.clusterSeeds().stream().map(seed -> redisUri(seed, settings)).toList();
        RedisClusterClient client = RedisClusterClient.create(resources, seeds);
        client.setOptions(LettuceClusterOptions.of(settings.commandTimeout()));
        return new LettuceConnection(resources, client, () -> connectAsync(client).thenApply(connection -> {
            // every read goes to the primary owning the slot: a replica may not have the latest revoke yet
            connection.setReadFrom(ReadFrom.UPSTREAM);
            return new Commands(connection, connection.sync(), connection.async());
        }), "the cluster at " + settings.clusterSeeds().stream().map(RedisSettings::maskCredentials).toList(),
                settings.commandTimeout());
    }

    /** The first connection loads the topology (blocking, at startup); later ones reuse it. */
    private static CompletableFuture<StatefulRedisClusterConnection<String, byte[]>> connectAsync(
            RedisClusterClient client) {
        client.getPartitions();
        return client.connectAsync(CODEC);
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
                .socketOptions(socketOptions(commandTimeout));
    }

    /** Java's own sockets take the keepalive timings but not a TCP user timeout; Lettuce would warn at each connect. */
    private static SocketOptions socketOptions(Duration connectTimeout) {
        SocketOptions.Builder socket = SocketOptions.builder().connectTimeout(connectTimeout)
                .keepAlive(SocketOptions.KeepAliveOptions.builder().enable().idle(RedisSettings.KEEPALIVE_IDLE)
                        .interval(RedisSettings.KEEPALIVE_INTERVAL).count(RedisSettings.KEEPALIVE_PROBES).build());
        if (EpollProvider.isAvailable() || IOUringProvider.isAvailable()) {
            socket.tcpUserTimeout(SocketOptions.TcpUserTimeoutOptions.builder().enable()
                    .tcpUserTimeout(RedisSettings.TCP_USER_TIMEOUT).build());
        }
        return socket.build();
    }

    /** @return blocking commands, the same for one server, Sentinel and a cluster */
    RedisClusterCommands<String, byte[]> sync() {
        return current.sync();
    }

    /** @return asynchronous commands, the same for one server, Sentinel and a cluster */
    RedisClusterAsyncCommands<String, byte[]> async() {
        return current.async();
    }

    /**
     * Reads one configuration parameter from the server, or from every primary of a cluster.
     *
     * @return the value by node ({@code host:port}); a parameter the server does not know is absent
     * @throws RuntimeException what Lettuce throws when Redis refuses {@code CONFIG GET} (managed services often do)
     */
    Map<String, String> configOnEveryPrimary(String parameter) {
        Map<String, String> values = new TreeMap<>();
        if (current.connection() instanceof StatefulRedisClusterConnection<String, byte[]> cluster) {
            cluster.sync().upstream().commands().configGet(parameter).asMap()
                    .forEach((node, config) -> values.put(node.getUri().getHost() + ":" + node.getUri().getPort(),
                            config.get(parameter)));
        } else {
            values.put(where, current.sync().configGet(parameter).get(parameter));
        }
        return values;
    }

    /** @return true while the current connection is open (Lettuce reconnecting counts as not open) */
    boolean isOpen() {
        return !closed.get() && current.connection().isOpen();
    }

    /** @return the threads of this connection, for another connection of the same store to share */
    ClientResources resources() {
        return resources;
    }

    /**
     * Runs a blocking command, keeping the timeout streak, and turns its failure into the domain's 6000.
     *
     * @param operation what the store was doing, as in "check a token"
     * @param command the command on {@link #sync()}
     * @return its answer
     */
    <T> T run(String operation, Supplier<T> command) {
        try {
            T answer = command.get();
            answered();
            return answer;
        } catch (RuntimeException failure) {
            failed(failure);
            throw RedisFailures.translate(operation, failure);
        }
    }

    /** A command on this connection was answered. */
    void answered() {
        timeouts.answered();
    }

    /** A command on this connection failed; a streak of timeouts replaces the connection. */
    void failed(Throwable failure) {
        timeouts.failed(failure);
    }

    private void replace() {
        if (closed.get()) {
            timeouts.replaced();
            return;
        }
        LOG.warn("Redis at {} answered none of the last {} commands in time: the link may be dead without having "
                + "closed; opening a new connection", where, TimeoutStreak.LIMIT);
        CompletableFuture<Commands> next;
        try {
            next = connector.get();
        } catch (RuntimeException refused) {
            next = CompletableFuture.failedFuture(refused);
        }
        next.whenComplete((fresh, failure) -> {
            if (failure != null) {
                LOG.warn("a new connection to Redis at {} failed too: {}", where, failure.toString());
            } else if (closed.get()) {
                fresh.connection().closeAsync();
            } else {
                Commands old = current;
                current = fresh;
                closeLater(old.connection());
                LOG.info("Redis at {}: the new connection replaced the silent one", where);
            }
            timeouts.replaced();
        });
    }

    /**
     * Commands already sent on the old connection keep their chance to be answered (a merely slow link) until they
     * would have timed out anyway; then it is closed.
     */
    private void closeLater(StatefulConnection<String, byte[]> old) {
        resources.eventExecutorGroup().schedule(old::closeAsync, commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Closes the connection and stops the client's threads. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            current.connection().close();
            shutdown(client, resources);
        }
    }

    static void shutdown(AbstractRedisClient client, ClientResources resources) {
        client.shutdown(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        resources.shutdown(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
