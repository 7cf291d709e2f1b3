package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.cache.NearCache;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;

import java.time.Clock;
import java.util.Objects;

/** Creates the PostgreSQL adapters. The one public entry point of this module besides its settings and openings. */
public final class PostgresAdapters {

    private PostgresAdapters() {
    }

    /**
     * Opens the user database the settings name, stamping times with the UTC system clock.
     *
     * @param settings where the database is, and the schema to use
     * @return an open, migrated repository; close it to release the pool it owns
     * @throws MpAuthXException with {@code DATABASE_RELATED_ERROR} (6000), naming the servers and database but
     *     never the password, when the server cannot be reached within the connect timeout, refuses the login, has
     *     no such database, or the schema cannot be migrated
     * @see #userRepository(PostgresSettings, Clock)
     */
    public static UserRepository userRepository(PostgresSettings settings) {
        return userRepository(settings, Clock.systemUTC());
    }

    /**
     * Opens the user database the settings name: connects (through a pool of its own for a JDBC URL, through the
     * application's DataSource otherwise) and migrates the schema with Flyway, creating the schema when missing. A
     * {@code "user"} table of the original's shape without a migration history is baselined and migrated forward;
     * its rows survive. Several instances may open the same database at once, and share it afterwards.
     *
     * <p>While the server is away every call fails with 6000 (after about the connect timeout when no connection
     * is left), and the same repository works again once the server is back. Text PostgreSQL cannot store exactly
     * (U+0000, unpaired UTF-16 surrogates) is refused with 6000, never stored changed.
     *
     * @param settings where the database is, and the schema to use
     * @param clock the source of the {@code createdAt}/{@code updatedAt} stamps
     * @return an open, migrated repository; closing it closes the pool it owns, never an application's DataSource
     * @throws MpAuthXException with {@code DATABASE_RELATED_ERROR} (6000), naming the servers and database but
     *     never the password, when connecting or migrating fails
     */
    public static UserRepository userRepository(PostgresSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        return new PostgresUserRepository(PostgresDatabase.open(settings), clock);
    }

    /**
     * Opens the database the settings name for tokens alone: connects and migrates as
     * {@link #userRepository(PostgresSettings, Clock)} does. To keep users and tokens on one pool, use
     * {@link #stores(PostgresSettings, Clock)}.
     *
     * <p>Tokens are stored as the hashes of their secrets with their expiry, stamped and judged by the server's
     * clock. While the server is away every call fails with 6000, and the same store works again once it is back.
     *
     * @param settings where the database is, and the schema to use
     * @return an open, migrated token store without a near cache; closing it closes the pool it owns
     * @throws MpAuthXException with {@code DATABASE_RELATED_ERROR} (6000), naming the servers and database but
     *     never the password, when connecting or migrating fails
     */
    public static TokenStore tokenStore(PostgresSettings settings) {
        return tokenStore(settings, NearCacheSettings.disabled());
    }

    /**
     * Opens the database the settings name for tokens alone, as {@link #tokenStore(PostgresSettings)} does, with a
     * near cache of checks kept honest by PostgreSQL {@code LISTEN/NOTIFY} on one connection of its pool.
     *
     * @param settings where the database is, and the schema to use
     * @param nearCache the near cache's bounds, or {@code NearCacheSettings.disabled()}
     * @return an open, migrated token store; closing it closes the pool it owns
     * @throws MpAuthXException with {@code DATABASE_RELATED_ERROR} (6000), naming the servers and database but
     *     never the password, when connecting, migrating or listening fails
     */
    public static TokenStore tokenStore(PostgresSettings settings, NearCacheSettings nearCache) {
        Objects.requireNonNull(settings, "settings");
        try (Stores stores = stores(settings, Clock.systemUTC())) {
            return stores.tokenStore(nearCache);
        }
    }

    /**
     * Connects to the database the settings name and migrates it once, for opening the user store and the token
     * store on the same connections.
     *
     * @param settings where the database is, and the schema to use
     * @param clock the source of the users' {@code createdAt}/{@code updatedAt} stamps
     * @return the opening; close it once the stores are opened (they keep the connections open until closed)
     * @throws MpAuthXException with {@code DATABASE_RELATED_ERROR} (6000), naming the servers and database but
     *     never the password, when connecting or migrating fails
     */
    public static Stores stores(PostgresSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        return new Stores(PostgresDatabase.open(settings), clock);
    }

    /**
     * Opens an existing user database for reading only, for admin tools: no migration, connections PostgreSQL
     * lets only read, so pointing a tool at the wrong database changes nothing. Every write fails with 6000.
     *
     * @param settings where the database is (a JDBC URL: mpauthx's own pool), and the schema
     * @return an open repository; close it to release its pool
     * @throws MpAuthXException 6000 naming the server and database when it cannot be reached, or when the schema
     *     holds no user table of mpauthx's current version
     */
    public static UserRepository readOnlyUserRepository(PostgresSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.dataSource().isPresent()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
                    "a read-only opening needs a JDBC URL: mpauthx makes the connections read-only itself");
        }
        return new PostgresUserRepository(PostgresDatabase.openReadOnly(settings), Clock.systemUTC());
    }

    /**
     * One connected, migrated PostgreSQL database from which the user store and the token store are opened, so that
     * both run on the same connections (one pool per instance, not one per store). Each store opened here is closed on
     * its own; a pool mpauthx owns closes when this and every store opened from it are closed. Thread-safe.
     */
    public static final class Stores implements AutoCloseable {

        private final PostgresDatabase database;
        private final Clock clock;

        Stores(PostgresDatabase database, Clock clock) {
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
            PostgresTokenStore store = new PostgresTokenStore(database.share("token"));
            NearCache cache = new NearCache(nearCache.maxEntries(), nearCache.maxStaleness(),
                    nearCache.heartbeatBound(), System::nanoTime);
            try {
                return new NearCachedPostgresTokenStore(store, cache,
                        TokenChangeListener.start(store.database(), cache, nearCache));
            } catch (RuntimeException failed) {
                store.close();
                throw failed;
            }
        }

        /** Releases this opening's hold on the connections; stores opened from it go on working. Idempotent. */
        @Override
        public void close() {
            database.close();
        }
    }
}
