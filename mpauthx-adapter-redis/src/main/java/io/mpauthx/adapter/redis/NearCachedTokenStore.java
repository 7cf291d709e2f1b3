package io.mpauthx.adapter.redis;

import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreStatistics;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A {@link TokenStore} that answers repeated checks of a live token from memory ({@link NearCache}) and asks
 * Redis otherwise, over the {@link TrackingConnection} so that Redis invalidates what was read. Only "live" is
 * cached; "not live" and failures are never. Writes go to the wrapped store; before a write returns, every cached
 * answer about the owner is gone from this instance, so it never serves a token it has just ended. Every write
 * touches only the owner's one key, so dropping that key's answers here is all it takes; other instances hear of
 * it from Redis.
 */
final class NearCachedTokenStore implements TokenStore, TokenStoreStatistics {

    /** Shared by every hit: a minimal stage, which callers cannot complete or obtrude a value into. */
    private static final CompletionStage<Boolean> LIVE = CompletableFuture.completedStage(Boolean.TRUE);
    private static final String CHECK = "check a token";

    private final RedisTokenStore store;
    private final NearCache cache;
    private final TrackingConnection tracking;
    /** Striped counters: callers on many threads add without contending, a metrics registry sums them rarely. */
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    NearCachedTokenStore(RedisTokenStore store, NearCache cache, TrackingConnection tracking) {
        this.store = store;
        this.cache = cache;
        this.tracking = tracking;
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        String key = OwnerKey.of(owner);
        if (cache.isKnownLive(key, hash.value())) {
            hits.increment();
            return true;
        }
        misses.increment();
        try {
            return ask(key, hash).join();
        } catch (CompletionException failed) {
            throw RedisFailures.translate(CHECK, failed);
        }
    }

    @Override
    public CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
        String key = OwnerKey.of(owner);
        if (cache.isKnownLive(key, hash.value())) {
            hits.increment();
            return LIVE;
        }
        misses.increment();
        return ask(key, hash);
    }

    @Override
    public boolean hasNearCache() {
        return true;
    }

    @Override
    public long nearCacheHits() {
        return hits.sum();
    }

    @Override
    public long nearCacheMisses() {
        return misses.sum();
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

    @Override
    public StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner) {
        return writing(owner, () -> store.issue(owner, token, maxTokensPerOwner));
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, NewToken token) {
        return writing(owner, () -> store.replaceAll(owner, token));
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        return writing(owner, () -> store.revoke(owner, hash));
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenId id) {
        return writing(owner, () -> store.revoke(owner, id));
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        return writing(owner, () -> store.revokeAll(owner));
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        return store.liveTokens(owner);
    }

    /**
     * Every write touches only the owner's one key: dropping the owner's answers as the write returns (also of
     * reads still in flight, which may predate it) makes the write visible here at once, even when it failed
     * half-way in the eyes of this client.
     */
    private <T> T writing(TokenOwner owner, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            cache.invalidate(OwnerKey.of(owner));
        }
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
