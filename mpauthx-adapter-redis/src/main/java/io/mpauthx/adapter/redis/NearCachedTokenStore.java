package io.mpauthx.adapter.redis;

import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.cache.NearCache;
import io.mpauthx.domain.cache.NearCachedWrites;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreStatistics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A {@link TokenStore} that answers repeated checks of a live token from memory ({@link NearCache}) and asks
 * Redis otherwise, over the {@link TrackingConnection} so that Redis invalidates what was read. Only "live" is
 * cached; "not live" and failures are never. Writes go to the wrapped store; before a write returns, every cached
 * answer about the owner is gone from this instance, so it never serves a token it has just ended. Every write
 * touches only the owner's one key, so dropping that key's answers here is all it takes; other instances hear of
 * it from Redis.
 */
final class NearCachedTokenStore extends NearCachedWrites implements TokenStoreStatistics {

    /** Shared by every hit: a minimal stage, which callers cannot complete or obtrude a value into. */
    private static final CompletionStage<Boolean> LIVE = CompletableFuture.completedStage(Boolean.TRUE);
    private static final String CHECK = "check a token";

    private final RedisTokenStore store;
    private final NearCache cache;
    private final TrackingConnection tracking;

    /** @return the plain store behind the near cache */
    TokenStore plainStore() {
        return store;
    }

    NearCachedTokenStore(RedisTokenStore store, NearCache cache, TrackingConnection tracking) {
        super(store, cache, OwnerKey::of);
        this.store = store;
        this.cache = cache;
        this.tracking = tracking;
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        String key = OwnerKey.of(owner);
        if (knownLive(key, hash)) {
            return true;
        }
        try {
            return ask(key, hash).join();
        } catch (CompletionException failed) {
            throw RedisFailures.translate(CHECK, failed);
        }
    }

    @Override
    public CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
        String key = OwnerKey.of(owner);
        return knownLive(key, hash) ? LIVE : ask(key, hash);
    }

    @Override
    public boolean hasNearCache() {
        return true;
    }

    @Override
    public int openConnections() {
        return store.openConnections() + (tracking.isOpen() ? 1 : 0);
    }

    /** One round trip: the check script says whether the token is live and how long the answer may be kept. */
    private CompletableFuture<Boolean> ask(String key, TokenHash hash) {
        tracking.ensureTracking();
        NearCache.Ticket ticket = cache.readStarting(key);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            tracking.check(key, HashBytes.of(hash)).whenComplete((millis, failure) -> {
                if (failure != null) {
                    fail(answer, ticket, failure);
                } else if (millis == RedisTokenStore.NOT_LIVE) {
                    cache.readAbandoned(ticket);
                    answer.complete(false);
                } else {
                    cache.readCompleted(ticket, hash.value(), millis);
                    answer.complete(true);
                }
            });
        } catch (RuntimeException rejected) {
            fail(answer, ticket, rejected);
        }
        return answer;
    }

    /** A failed read may mean a connection that no longer delivers invalidations: trust nothing cached. */
    private void fail(CompletableFuture<Boolean> answer, NearCache.Ticket ticket, Throwable failure) {
        cache.readAbandoned(ticket);
        cache.trackingLost();
        answer.completeExceptionally(RedisFailures.translate(CHECK, failure));
    }

    /** Closes the tracking connection and the wrapped store. Idempotent. */
    @Override
    public void close() {
        try {
            tracking.close();
        } finally {
            store.close();
        }
    }
}
