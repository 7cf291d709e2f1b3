package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreContract;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shared token store contract on a real PostgreSQL server with the near cache: every promise holds with it. */
@ExtendWith(PostgresServerExtension.class)
class NearCachedPostgresTokenStoreIT extends TokenStoreContract {

    /** Owners are unique per test, so the tests of a server share one database, migrated once. */
    private static final Map<LocalPostgres, PlainPostgres> DATABASES = new ConcurrentHashMap<>();

    private final LocalPostgres postgres;

    NearCachedPostgresTokenStoreIT(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    @Override
    protected TokenStore newStore() {
        return PostgresAdapters.tokenStore(DATABASES.computeIfAbsent(postgres, PlainPostgres::freshDatabase)
                .settings().build(), NearCacheSettings.defaults());
    }
}
