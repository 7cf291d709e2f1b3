package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;

import java.time.Clock;
import java.util.Objects;

/**
 * One connected, migrated PostgreSQL database from which the user store and the token store are opened, so that
 * both run on the same connections (one pool per instance, not one per store). Each store opened here is closed on
 * its own; a pool mpauthx owns closes when this and every store opened from it are closed. Thread-safe.
 */
public final class PostgresStores implements AutoCloseable {

    private final PostgresDatabase database;
    private final Clock clock;

    PostgresStores(PostgresDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * @return the users, on these connections; close it when done
     * @throws MpAuthXException 6000 when this opening is closed
     */
    public UserRepository userRepository() {
        return new PostgresUserRepository(database.share("user"), clock);
    }

    /**
     * @return the tokens, on these connections, without a near cache; close it when done
     * @throws MpAuthXException 6000 when this opening is closed
     */
    public TokenStore tokenStore() {
        return new PostgresTokenStore(database.share("token"));
    }

    /**
     * @param nearCache the near cache's bounds, or {@code NearCacheSettings.disabled()}
     * @return the tokens, on these connections, with the near cache the settings describe; close it when done
     * @throws MpAuthXException 6000 when this opening is closed, or the near cache's listening connection cannot be
     *     opened
     */
    public TokenStore tokenStore(NearCacheSettings nearCache) {
        Objects.requireNonNull(nearCache, "nearCache");
        if (!nearCache.enabled()) {
            return tokenStore();
        }
        throw new UnsupportedOperationException("near cache pending");
    }

    /** Releases this opening's hold on the connections; stores opened from it go on working. Idempotent. */
    @Override
    public void close() {
        database.close();
    }
}
