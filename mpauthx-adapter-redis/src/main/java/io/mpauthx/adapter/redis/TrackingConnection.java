package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.cache.NearCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The near cache's own RESP3 connection to a standalone Redis, with {@code CLIENT TRACKING on} in its default
 * mode: Redis remembers every key read on this connection and pushes an {@code invalidate} message on it when
 * such a key changes, is deleted, evicted or expires. The cache's misses are read here (the check script, which
 * reads the owner's key), so exactly the keys the cache may hold are tracked; writes go through the store's own
 * connection.
 *
 * <p>When the connection drops, the cache {@linkplain NearCache#trackingLost() forgets everything} at once, on
 * Lettuce's event loop, before any reply of a new connection is read; tracking is then switched on again by the
 * next check ({@link #ensureTracking()}). A connection that dies <em>without</em> closing is found by the
 * heartbeat: a {@code PING} every heartbeat interval, whose answers {@linkplain NearCache#confirmed confirm} the
 * link. Once no answer has come within the bound, nothing cached is served and the cache is cleared; after
 * {@link TimeoutStreak#LIMIT} such misses (or timed-out reads) in a row, a new connection replaces this one.
 */
final class TrackingConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingConnection.class);
    private static final String INVALIDATE = "invalidate";

    private final RedisClient client;
    private final RedisURI uri;
    private final NearCache cache;
    private final LuaScripts scripts;
    private final String where;
    private final TimeoutStreak timeouts = new TimeoutStreak(this::replace);
    private final AtomicBoolean enabling = new AtomicBoolean();
    private final AtomicBoolean late = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledFuture<?> heartbeat;
    private final ClientResources resources;
    private final Duration commandTimeout;
    private volatile StatefulRedisConnection<String, byte[]> connection;

    private TrackingConnection(RedisClient client, RedisURI uri, NearCache cache, LuaScripts scripts, String where,
                               ClientResources resources, NearCacheSettings settings) {
        this.client = client;
        this.uri = uri;
        this.resources = resources;
        this.commandTimeout = uri.getTimeout();
        this.cache = cache;
        this.scripts = scripts;
        this.where = where;
        long interval = settings.heartbeatInterval().toNanos();
        this.heartbeat = resources.eventExecutorGroup()
                .scheduleAtFixedRate(this::beat, interval, interval, TimeUnit.NANOSECONDS);
    }

    /**
     * Connects with RESP3 and switches tracking on before returning.
     *
     * @param resources the store's threads, shared; not shut down by {@link #close()}
     * @throws io.mpauthx.domain.MpAuthXException 6000 if Redis cannot be reached or refuses RESP3 or tracking
     */
    static TrackingConnection open(RedisSettings redis, NearCacheSettings settings, NearCache cache,
                                   LuaScripts scripts, ClientResources resources) {
        RedisURI uri = LettuceConnection.redisUri(redis);
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(LettuceConnection.clientOptions(redis.commandTimeout()).mutate()
                .protocolVersion(ProtocolVersion.RESP3).build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> dropped) {
                cache.trackingLost();
            }
        });
        String where = RedisSettings.maskCredentials(redis.uri());
        TrackingConnection tracking = null;
        try {
            tracking = new TrackingConnection(client, uri, cache, scripts, where, resources, settings);
            tracking.connection = tracking.connectTracked().join();
            return tracking;
        } catch (RuntimeException unreachable) {
            if (tracking != null) {
                tracking.close();
            } else {
                client.shutdown();
            }
            throw RedisFailures.translate("switch on client tracking at " + where, unreachable);
        }
    }

    /** Opens a connection, listens to its pushes and switches tracking on; the cache serves once Redis confirms. */
    private CompletableFuture<StatefulRedisConnection<String, byte[]>> connectTracked() {
        return client.connectAsync(LettuceConnection.CODEC, uri).toCompletableFuture()
                .thenCompose(opened -> {
                    opened.addListener(this::onPush);
                    long untracked = cache.untrackedEpoch();
                    long sent = System.nanoTime();
                    return opened.async().clientTracking(TrackingArgs.Builder.enabled())
                            .thenApply(ok -> {
                                cache.trackingEnabled(untracked, sent);
                                return opened;
                            })
                            .whenComplete((ok, refused) -> {
                                if (refused != null) {
                                    opened.closeAsync();
                                }
                            });
                });
    }

    /**
     * Runs the check script here, so that Redis tracks the owner's key.
     *
     * @return the token's remaining lifetime in milliseconds, or {@link RedisTokenStore#NOT_LIVE}
     */
    CompletableFuture<Long> check(String ownerKey, byte[] hash) {
        CompletableFuture<Long> remaining = scripts.runAsync(connection.async(), TokenScript.CHECK,
                ScriptOutputType.INTEGER, ownerKey, hash);
        return remaining.whenComplete((millis, failure) -> {
            if (failure == null) {
                timeouts.answered();
            } else {
                timeouts.failed(failure);
            }
        });
    }

    /**
     * Switches tracking on again after a reconnect, without waiting: one attempt at a time, and it counts only if
     * the connection did not drop meanwhile.
     */
    void ensureTracking() {
        if (cache.isTracking() || !enabling.compareAndSet(false, true)) {
            return;
        }
        long untracked = cache.untrackedEpoch();
        long sent = System.nanoTime();
        try {
            connection.async().clientTracking(TrackingArgs.Builder.enabled()).whenComplete((ok, failure) -> {
                enabling.set(false);
                if (failure == null && cache.trackingEnabled(untracked, sent)) {
                    LOG.info("Redis client tracking is on again; the near cache serves answers again");
                }
            });
        } catch (RuntimeException rejected) {
            enabling.set(false);
        }
    }

    /** One heartbeat: confirm the link with a PING, and notice when the last confirmation is too old. */
    private void beat() {
        StatefulRedisConnection<String, byte[]> beating = connection;
        if (closed.get() || beating == null) {
            return;
        }
        if (cache.isUnconfirmed()) {
            if (late.compareAndSet(false, true)) {
                LOG.warn("Redis at {} has not answered the near cache's heartbeat in time: the cache is cleared until "
                        + "it does", where);
                cache.trackingLost();
            }
            timeouts.timedOut();
        }
        long sent = System.nanoTime();
        try {
            beating.async().ping().whenComplete((pong, failure) -> {
                if (failure == null && beating == connection) {
                    cache.confirmed(sent);
                    late.set(false);
                    timeouts.answered();
                }
            });
        } catch (RuntimeException rejected) {
            // disconnected: Lettuce rejects commands until it has reconnected, and the cache was cleared on the drop
        }
    }

    private void replace() {
        if (closed.get()) {
            timeouts.replaced();
            return;
        }
        LOG.warn("the near cache's connection to Redis at {} answered nothing in time, {} times in a row: opening a "
                + "new one", where, TimeoutStreak.LIMIT);
        cache.trackingLost();
        connectTracked().whenComplete((fresh, failure) -> {
            if (failure != null) {
                LOG.warn("a new tracking connection to Redis at {} failed too: {}", where, failure.toString());
            } else if (closed.get()) {
                fresh.closeAsync();
            } else {
                StatefulRedisConnection<String, byte[]> old = connection;
                connection = fresh;
                // reads already sent there may still be answered (a merely slow link) until they would time out
                resources.eventExecutorGroup().schedule(old::closeAsync, commandTimeout.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
            timeouts.replaced();
        });
    }

    private void onPush(PushMessage message) {
        if (!INVALIDATE.equals(message.getType())) {
            return;
        }
        Object keys = message.getContent(StringCodec.UTF8::decodeKey).get(1);
        if (keys instanceof List<?> changed) {
            changed.forEach(key -> cache.invalidate((String) key));
        } else {
            // a null key list: Redis was flushed (FLUSHALL, FLUSHDB)
            cache.invalidateAll();
        }
    }

    /** @return true while the tracked connection is open */
    boolean isOpen() {
        StatefulRedisConnection<String, byte[]> open = connection;
        return !closed.get() && open != null && open.isOpen();
    }

    /** Stops the heartbeat and closes the connection; the shared threads stay. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            heartbeat.cancel(false);
            StatefulRedisConnection<String, byte[]> open = connection;
            if (open != null) {
                open.close();
            }
            client.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
