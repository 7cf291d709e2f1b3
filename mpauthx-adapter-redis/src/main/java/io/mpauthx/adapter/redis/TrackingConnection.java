package io.mpauthx.adapter.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The near cache's own RESP3 connection to a standalone Redis, with {@code CLIENT TRACKING on} in its default
 * mode: Redis remembers every key read on this connection and pushes an {@code invalidate} message on it when
 * such a key changes, is deleted or expires. The cache's misses are read here ({@code PTTL}), so exactly the
 * keys the cache may hold are tracked; writes go through the store's own connection.
 *
 * <p>When the connection drops, the cache {@linkplain NearCache#trackingLost() forgets everything} at once, on
 * Lettuce's event loop, before any reply of a new connection is read. Lettuce reconnects by itself; tracking is
 * then switched on again by the next check ({@link #ensureTracking()}), and answers are cached again only for
 * reads sent after Redis confirmed it.
 */
final class TrackingConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingConnection.class);
    private static final String INVALIDATE = "invalidate";

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final NearCache cache;
    private final AtomicBoolean enabling = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TrackingConnection(ClientResources resources, RedisClient client,
                               StatefulRedisConnection<String, String> connection, NearCache cache) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.cache = cache;
    }

    /**
     * Connects with RESP3 and switches tracking on before returning.
     *
     * @throws io.mpauthx.domain.MpAuthXException 6000 if Redis cannot be reached or refuses RESP3 or tracking
     */
    static TrackingConnection open(RedisSettings settings, NearCache cache) {
        ClientResources resources = LettuceConnection.clientResources();
        RedisClient client = RedisClient.create(resources, LettuceConnection.redisUri(settings));
        client.setOptions(LettuceConnection.clientOptions(settings.commandTimeout()).mutate()
                .protocolVersion(ProtocolVersion.RESP3).build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> dropped) {
                cache.trackingLost();
            }
        });
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            TrackingConnection tracking = new TrackingConnection(resources, client, connection, cache);
            connection.addListener(tracking::onPush);
            long untracked = cache.untrackedEpoch();
            connection.sync().clientTracking(TrackingArgs.Builder.enabled());
            cache.trackingEnabled(untracked);
            return tracking;
        } catch (RuntimeException unreachable) {
            LettuceConnection.shutdown(client, resources);
            throw RedisFailures.translate("switch on client tracking at "
                    + RedisSettings.maskCredentials(settings.uri()), unreachable);
        }
    }

    /** Reads a token key's remaining lifetime, and so makes Redis track it: -2 when the key does not exist. */
    RedisFuture<Long> remainingMillis(String key) {
        return connection.async().pttl(key);
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
        try {
            connection.async().clientTracking(TrackingArgs.Builder.enabled()).whenComplete((ok, failure) -> {
                enabling.set(false);
                if (failure == null && cache.trackingEnabled(untracked)) {
                    LOG.info("Redis client tracking is on again; the near cache serves answers again");
                }
            });
        } catch (RuntimeException rejected) {
            enabling.set(false);
        }
    }

    /**
     * Returns once every invalidation Redis owes this connection for writes already done has been applied: a
     * {@code PING} here is answered after the pushes Redis queued before it, on the same connection. One round
     * trip; if it fails, the cache is cleared instead.
     */
    void awaitInvalidations() {
        if (!cache.isTracking()) {
            return;
        }
        try {
            connection.sync().ping();
        } catch (RuntimeException unanswered) {
            cache.trackingLost();
        }
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

    /** Closes the connection and stops the client's threads. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.close();
            LettuceConnection.shutdown(client, resources);
        }
    }
}
