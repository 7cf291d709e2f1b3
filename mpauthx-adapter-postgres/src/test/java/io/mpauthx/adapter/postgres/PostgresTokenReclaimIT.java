package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired rows are reclaimed in batches while checks go on, and every check answers rightly meanwhile. 100,000 rows
 * here; {@code -Dmpauthx.reclaim.rows=1000000} gives the figure in docs/postgres.md (the slowest check is logged).
 */
@ExtendWith(PostgresServerExtension.class)
class PostgresTokenReclaimIT {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTokenReclaimIT.class);
    private static final int ROWS = Integer.getInteger("mpauthx.reclaim.rows", 100_000);

    private final PlainPostgres database;

    PostgresTokenReclaimIT(LocalPostgres postgres) {
        this.database = PlainPostgres.freshDatabase(postgres);
    }

    @Test
    void expiredRowsAreReclaimedInBatchesWhileChecksGoOn() throws Exception {
        try (PostgresTokenStore store = (PostgresTokenStore) PostgresAdapters.tokenStore(database.settings().build())) {
            TokenOwner owner = new TokenOwner(Sku.of("shop"), UserId.of("oReclaim"));
            TokenHash live = TokenHash.ofSecret(UUID.randomUUID().toString());
            store.issue(owner, NewToken.of(live, Duration.ofHours(1)), 10);
            database.execute("INSERT INTO mpauthx_token (hash, sku, user_id, issued_at, expires_at)"
                    + " SELECT md5(n::text) || left(md5((n + 1)::text), 11), 'shop', 'oGone' || n,"
                    + " now() - interval '2 hours', now() - interval '1 hour' FROM generate_series(1, " + ROWS + ") n");

            AtomicBoolean reclaiming = new AtomicBoolean(true);
            AtomicLong slowestNanos = new AtomicLong();
            AtomicInteger checks = new AtomicInteger();
            AtomicInteger wrong = new AtomicInteger();
            Thread checker = new Thread(() -> {
                while (reclaiming.get()) {
                    long started = System.nanoTime();
                    if (!store.isLive(owner, live)) {
                        wrong.incrementAndGet();
                    }
                    slowestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                    checks.incrementAndGet();
                }
            });
            checker.start();
            long started = System.nanoTime();
            long reclaimed;
            try {
                reclaimed = store.reclaimer().pass();
            } finally {
                reclaiming.set(false);
                checker.join();
            }

            assertThat(reclaimed).isEqualTo(ROWS);
            assertThat(database.number("SELECT count(*) FROM mpauthx_token")).isOne();
            assertThat(wrong.get()).isZero();
            assertThat(checks.get()).isPositive();
            LOG.info("{} expired rows reclaimed in {} ms in batches of {}; {} checks meanwhile, the slowest {} ms",
                    ROWS, (System.nanoTime() - started) / 1_000_000, ExpiredTokenReclaimer.BATCH, checks.get(),
                    slowestNanos.get() / 1_000_000.0);
        }
    }
}
