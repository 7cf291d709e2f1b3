package io.mpauthx.domain.cache;

import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The writes of a near-cached token store: each goes to the wrapped store, and before it returns every cached answer
 * about the owner is gone from this instance, so the instance never serves a token it has just ended, even when the
 * write failed half-way in its eyes. Other instances hear of the write from the server. Subclasses answer checks.
 */
public abstract class NearCachedWrites implements TokenStore {

    private final TokenStore store;
    private final NearCache cache;
    private final Function<TokenOwner, String> ownerKey;
    /** Striped counters: callers on many threads add without contending, a metrics registry sums them rarely. */
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param store the store written to
     * @param cache the answers to void
     * @param ownerKey the key the cache and the server's invalidations name an owner by
     */
    protected NearCachedWrites(TokenStore store, NearCache cache, Function<TokenOwner, String> ownerKey) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.ownerKey = Objects.requireNonNull(ownerKey, "ownerKey");
    }

    /**
     * Asks the cache whether the token is known live, counting the answer as a hit or a miss.
     *
     * @return true when the cache may answer "live" without the server
     */
    protected final boolean knownLive(String key, TokenHash hash) {
        if (cache.isKnownLive(key, hash.value())) {
            hits.increment();
            return true;
        }
        misses.increment();
        return false;
    }

    /** @return checks answered from the near cache since it was opened */
    public final long nearCacheHits() {
        return hits.sum();
    }

    /** @return checks the near cache could not answer and passed to the server */
    public final long nearCacheMisses() {
        return misses.sum();
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

    private <T> T writing(TokenOwner owner, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            cache.invalidate(ownerKey.apply(owner));
        }
    }
}
