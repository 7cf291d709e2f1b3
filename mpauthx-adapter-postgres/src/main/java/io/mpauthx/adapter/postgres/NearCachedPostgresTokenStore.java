package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.cache.NearCache;
import io.mpauthx.domain.cache.NearCachedWrites;
import io.mpauthx.domain.port.out.TokenStoreStatistics;

/**
 * A PostgreSQL token store that answers repeated checks of a live token from memory ({@link NearCache}) and
 * asks the database otherwise, kept honest by the {@link TokenChangeListener}. Only "live" is cached, for no longer
 * than the token's remaining lifetime by the server's clock and the cache's maximum staleness; "not live" and
 * failures never are. Writes go to the wrapped store, which notifies every instance when they commit.
 */
final class NearCachedPostgresTokenStore extends NearCachedWrites implements TokenStoreStatistics {

    private final PostgresTokenStore store;
    private final NearCache cache;
    private final TokenChangeListener listener;

    NearCachedPostgresTokenStore(PostgresTokenStore store, NearCache cache, TokenChangeListener listener) {
        super(store, cache, PostgresTokenStore::ownerKey);
        this.store = store;
        this.cache = cache;
        this.listener = listener;
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        String key = PostgresTokenStore.ownerKey(owner);
        if (knownLive(key, hash)) {
            return true;
        }
        NearCache.Ticket ticket = cache.readStarting(key);
        long remainingMillis;
        try {
            remainingMillis = store.remainingMillis(owner, hash);
        } catch (RuntimeException failed) {
            cache.readAbandoned(ticket);
            throw failed;
        }
        if (remainingMillis == PostgresTokenStore.NOT_LIVE) {
            cache.readAbandoned(ticket);
            return false;
        }
        cache.readCompleted(ticket, hash.value(), remainingMillis);
        return true;
    }

    /** Stops listening and closes the wrapped store. Idempotent. */
    @Override
    public void close() {
        try {
            listener.close();
        } finally {
            store.close();
        }
    }

    @Override
    public boolean hasNearCache() {
        return true;
    }

    @Override
    public int openConnections() {
        return store.openConnections();
    }
}
