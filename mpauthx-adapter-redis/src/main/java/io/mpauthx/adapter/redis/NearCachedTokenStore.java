package io.mpauthx.adapter.redis;

import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A {@link TokenStore} that answers repeated checks of a live token from memory ({@link NearCache}) and asks
 * Redis otherwise, over the {@link TrackingConnection} so that Redis invalidates what was read. Only "live" is
 * cached; "not live" and failures are never. Writes go to the wrapped store; before a write returns, every
 * cached answer it made wrong is gone from this instance (a revoked key directly; the keys a script evicted or
 * replaced, which only Redis knows, by {@link TrackingConnection#awaitInvalidations()}), so this instance never
 * serves a token it has just ended. Other instances hear of it from Redis.
 */
final class NearCachedTokenStore implements TokenStore {

    /** Shared by every hit: a minimal stage, which callers cannot complete or obtrude a value into. */
    private static final CompletionStage<Boolean> LIVE = CompletableFuture.completedStage(Boolean.TRUE);
    private static final long MISSING = -2;
    private static final String CHECK = "check a token";

    private final TokenStore store;
    private final NearCache cache;
    private final TrackingConnection tracking;

    NearCachedTokenStore(TokenStore store, NearCache cache, TrackingConnection tracking) {
        this.store = store;
        this.cache = cache;
        this.tracking = tracking;
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        String key = OwnerKeys.of(owner).token(hash);
        if (cache.isKnownLive(key)) {
            return true;
        }
        try {
            return ask(key).join();
        } catch (CompletionException failed) {
            throw RedisFailures.translate(CHECK, failed);
        }
    }

    @Override
    public CompletionStage<Boolean> isLiveAsync(TokenOwner owner, TokenHash hash) {
        String key = OwnerKeys.of(owner).token(hash);
        return cache.isKnownLive(key) ? LIVE : ask(key);
    }

    /** One round trip: {@code PTTL} says whether the key exists and how long the answer may be kept. */
    private CompletableFuture<Boolean> ask(String key) {
        tracking.ensureTracking();
        NearCache.Pending ticket = cache.readStarting(key);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            tracking.remainingMillis(key).whenComplete((millis, failure) -> {
                if (failure != null) {
                    fail(answer, key, ticket, failure);
                } else if (millis == MISSING) {
                    cache.readAbandoned(key, ticket);
                    answer.complete(false);
                } else {
                    cache.readCompleted(key, ticket, millis);
                    answer.complete(true);
                }
            });
        } catch (RuntimeException rejected) {
            fail(answer, key, ticket, rejected);
        }
        return answer;
    }

    /** A failed read may mean a connection that no longer delivers invalidations: trust nothing cached. */
    private void fail(CompletableFuture<Boolean> answer, String key, NearCache.Pending ticket, Throwable failure) {
        cache.readAbandoned(key, ticket);
        cache.trackingLost();
        answer.completeExceptionally(RedisFailures.translate(CHECK, failure));
    }

    @Override
    public StoredToken issue(TokenOwner owner, TokenHash hash, Duration ttl, int maxTokensPerOwner) {
        try {
            return store.issue(owner, hash, ttl, maxTokensPerOwner);
        } finally {
            tracking.awaitInvalidations();
        }
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, TokenHash hash, Duration ttl) {
        try {
            return store.replaceAll(owner, hash, ttl);
        } finally {
            tracking.awaitInvalidations();
        }
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        try {
            return store.revoke(owner, hash);
        } finally {
            cache.invalidate(OwnerKeys.of(owner).token(hash));
        }
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        try {
            return store.revokeAll(owner);
        } finally {
            tracking.awaitInvalidations();
        }
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        return store.liveTokens(owner);
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
