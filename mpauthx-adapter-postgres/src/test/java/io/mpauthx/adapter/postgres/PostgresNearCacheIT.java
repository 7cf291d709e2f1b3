package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.cache.NearCache;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The near cache of the PostgreSQL token store kept honest by LISTEN/NOTIFY: another instance's revocations, a
 * listening connection the server ends, and a server restarted under load.
 */
@ExtendWith(PostgresServerExtension.class)
class PostgresNearCacheIT {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresNearCacheIT.class);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration LONG_TTL = Duration.ofHours(1);
    private static final NearCacheSettings SETTINGS = NearCacheSettings.defaults();
    private static final int CALLERS = 16;

    private final LocalPostgres postgres;
    private final PlainPostgres database;

    PostgresNearCacheIT(LocalPostgres postgres) {
        this.postgres = postgres;
        this.database = PlainPostgres.freshDatabase(postgres);
    }

    /** A store whose cache the test can look into. */
    private record Cached(TokenStore store, NearCache cache) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    private Cached cachedStore(PostgresSettings settings) {
        try (PostgresAdapters.Stores stores = PostgresAdapters.stores(settings, Clock.systemUTC())) {
            PostgresTokenStore store = (PostgresTokenStore) stores.tokenStore();
            NearCache cache = new NearCache(SETTINGS.maxEntries(), SETTINGS.maxStaleness(), SETTINGS.heartbeatBound(),
                    System::nanoTime);
            TokenChangeListener listener = TokenChangeListener.start(store.database(), cache, SETTINGS);
            return new Cached(new NearCachedPostgresTokenStore(store, cache, listener), cache);
        }
    }

    private static TokenOwner newOwner() {
        return new TokenOwner(Sku.of("shop"), UserId.of("u" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Test
    void aThousandRevocationsOnOneInstanceAreInvalidOnAnotherWithinTheHeartbeatBound() {
        try (TokenStore first = PostgresAdapters.tokenStore(database.settings().build());
             Cached second = cachedStore(database.settings().build())) {
            long slowestNanos = 0;
            for (int i = 0; i < 1_000; i++) {
                TokenOwner owner = newOwner();
                TokenHash hash = TokenHash.ofSecret(UUID.randomUUID().toString());
                first.issue(owner, NewToken.of(hash, LONG_TTL), 10);
                assertThat(second.store().isLive(owner, hash)).isTrue();
                assertThat(second.cache().isKnownLive(PostgresTokenStore.ownerKey(owner), hash.value()))
                        .as("the second check is answered from memory").isTrue();

                assertThat(first.revoke(owner, hash)).isTrue();
                long revoked = System.nanoTime();
                Await.until(SETTINGS.heartbeatBound(), () -> !second.store().isLive(owner, hash),
                        "revocation " + i + " seen by the other instance");
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - revoked);
            }
            LOG.info("slowest of 1,000 revocations seen by the other instance: {} ms", slowestNanos / 1e6);
        }
    }

    @Test
    void aListeningConnectionTheServerEndsClearsTheCacheBeforeItServesAgain() throws Exception {
        try (Cached cached = cachedStore(database.settings().build())) {
            TokenOwner owner = newOwner();
            TokenHash hash = TokenHash.ofSecret(UUID.randomUUID().toString());
            cached.store().issue(owner, NewToken.of(hash, LONG_TTL), 10);
            assertThat(cached.store().isLive(owner, hash)).isTrue();
            assertThat(cached.cache().size()).isOne();

            // the row goes without a notification, as if the notification had been lost with the connection
            database.execute("DELETE FROM mpauthx_token",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND pid <> pg_backend_pid() AND query IN ('SELECT 1', 'LISTEN mpauthx_token')");

            Await.until(DEADLINE, () -> cached.cache().size() == 0, "the cache cleared");
            assertThat(cached.store().isLive(owner, hash)).as("asked of the database, not the cache").isFalse();
            Await.until(DEADLINE, () -> cached.cache().isTracking(), "listening again");
            assertThat(database.number("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND query IN ('SELECT 1', 'LISTEN mpauthx_token')")).as("one new listener").isOne();
        }
    }

    @Test
    void aServerRestartedUnderLoadFailsChecksWith6000RecoversAndNeverPassesARevokedToken() throws Exception {
        PostgresSettings settings = database.settings().connectTimeout(Duration.ofSeconds(1))
                .socketTimeout(Duration.ofSeconds(5)).build();
        try (Cached cached = cachedStore(settings)) {
            TokenStore store = cached.store();
            List<TokenOwner> owners = new ArrayList<>();
            List<TokenHash> hashes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                owners.add(newOwner());
                hashes.add(TokenHash.ofSecret(UUID.randomUUID().toString()));
                store.issue(owners.get(i), NewToken.of(hashes.get(i), LONG_TTL), 10);
            }
            Queue<Integer> revoked = new ConcurrentLinkedQueue<>();
            AtomicInteger revokedValid = new AtomicInteger();
            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger unexpected = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> callers = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                Thread caller = new Thread(() -> {
                    while (running.get()) {
                        int i = ThreadLocalRandom.current().nextInt(owners.size());
                        boolean wasRevoked = revoked.contains(i);
                        try {
                            boolean live = store.isLive(owners.get(i), hashes.get(i));
                            if (live && wasRevoked) {
                                revokedValid.incrementAndGet();
                            }
                            answered.incrementAndGet();
                        } catch (MpAuthXException e) {
                            if (e.statusCode() == StatusCode.DATABASE_RELATED_ERROR) {
                                unavailable.incrementAndGet();
                            } else {
                                unexpected.incrementAndGet();
                            }
                        }
                    }
                });
                caller.setDaemon(true);
                caller.start();
                callers.add(caller);
            }
            try {
                revokeSome(store, owners, hashes, revoked, 0, 50);
                Await.until(DEADLINE, () -> answered.get() > 2_000, "checks before the restart");
                postgres.stop();
                Await.until(DEADLINE, () -> unavailable.get() >= CALLERS, "checks failing with 6000");
                postgres.start();
                int answeredBefore = answered.get();
                Await.until(DEADLINE, () -> answered.get() > answeredBefore + 2_000, "checks answered again");
                Await.until(DEADLINE, () -> cached.cache().isTracking(), "the near cache listening again");
                revokeSome(store, owners, hashes, revoked, 50, 100);
                int answeredAfter = answered.get();
                Await.until(DEADLINE, () -> answered.get() > answeredAfter + 2_000, "checks after the revocations");
            } finally {
                running.set(false);
                for (Thread caller : callers) {
                    caller.join();
                }
                postgres.start();
            }
            assertThat(revokedValid.get()).as("revoked tokens found valid").isZero();
            assertThat(unexpected.get()).isZero();
            assertThat(unavailable.get()).isPositive();
            for (int i = 0; i < 100; i++) {
                assertThat(store.isLive(owners.get(i), hashes.get(i))).isFalse();
            }
            assertThat(store.isLive(owners.get(150), hashes.get(150))).isTrue();
        }
    }

    /** Each revocation counts from when it returned: a check begun after that must not pass the token. */
    private static void revokeSome(TokenStore store, List<TokenOwner> owners, List<TokenHash> hashes,
                                   Queue<Integer> revoked, int from, int to) {
        for (int i = from; i < to; i++) {
            assertThat(store.revoke(owners.get(i), hashes.get(i))).isTrue();
            revoked.add(i);
        }
    }
}
