package io.mpauthx.bootstrap;

import io.mpauthx.adapter.postgres.PostgresSettings;
import io.mpauthx.adapter.redis.RedisSettings;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.port.out.TokenStore;

/** Which token store runs: chosen by the builder, validated by {@link MpAuthXConfig}, opened by {@link MpAuthXModule}. */
sealed interface TokenStoreChoice {

    /** @return what was chosen, for the configuration's text; never a secret */
    String description();

    /** Tokens in this process. */
    record InMemory() implements TokenStoreChoice {
        @Override
        public String description() {
            return "in-memory";
        }
    }

    /** Tokens in Redis (one server, Sentinel or Cluster), with or without the near cache. */
    record Redis(RedisSettings settings, NearCacheSettings nearCache) implements TokenStoreChoice {
        @Override
        public String description() {
            return settings + " with " + nearCache;
        }
    }

    /** Tokens in the PostgreSQL database of the users, on the same connections. */
    record Postgres(PostgresSettings settings, NearCacheSettings nearCache) implements TokenStoreChoice {
        @Override
        public String description() {
            return "tokens in " + settings + " with " + nearCache;
        }
    }

    /** The application's own store. */
    record Custom(TokenStore store) implements TokenStoreChoice {
        @Override
        public String description() {
            return "custom token store (" + store.getClass().getName() + ")";
        }
    }
}
