package io.mpauthx.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one shared, thread-safe Lettuce connection of a store, with the client and threads behind it. Lettuce
 * multiplexes every caller's commands over it and reconnects by itself when Redis comes back.
 */
final class LettuceConnection implements AutoCloseable {

    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(10);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 2;

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LettuceConnection(ClientResources resources, RedisClient client,
                              StatefulRedisConnection<String, String> connection) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
    }

    /**
     * Connects now, so a wrong host or password shows at startup rather than at the first login.
     *
     * @throws io.mpauthx.domain.MpAuthXException 6000 if Redis cannot be reached or refuses the credentials
     */
    static LettuceConnection open(RedisSettings settings) {
        ClientResources resources = clientResources();
        RedisClient client = RedisClient.create(resources, redisUri(settings));
        client.setOptions(clientOptions(settings.commandTimeout()));
        try {
            return new LettuceConnection(resources, client, client.connect());
        } catch (RuntimeException unreachable) {
            shutdown(client, resources);
            throw RedisFailures.translate("connect to " + RedisSettings.maskCredentials(settings.uri()), unreachable);
        }
    }

    /** Threads and the reconnect schedule: retries from 10 ms, doubling, up to the settings' maximum. */
    static ClientResources clientResources() {
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(FIRST_RECONNECT_DELAY, RedisSettings.MAX_RECONNECT_DELAY, 2,
                        TimeUnit.MILLISECONDS))
                .build();
    }

    static RedisURI redisUri(RedisSettings settings) {
        RedisURI.Builder uri = RedisURI.builder(RedisURI.create(settings.uri())).withTimeout(settings.commandTimeout());
        settings.password().ifPresent(password -> uri.withPassword(password.toCharArray()));
        return uri.build();
    }

    /**
     * While disconnected, commands are rejected at once instead of queueing for a Redis that may never return:
     * a caller gets 6000 promptly. Async commands time out like blocking ones.
     */
    static ClientOptions clientOptions(Duration commandTimeout) {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).keepAlive(true).build())
                .build();
    }

    RedisCommands<String, String> sync() {
        return connection.sync();
    }

    RedisAsyncCommands<String, String> async() {
        return connection.async();
    }

    /** Closes the connection and stops the client's threads. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.close();
            shutdown(client, resources);
        }
    }

    static void shutdown(RedisClient client, ClientResources resources) {
        client.shutdown(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        resources.shutdown(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
