package io.mpauthx.benchmarks;

import io.mpauthx.adapter.postgres.PostgresAdapters;
import io.mpauthx.adapter.postgres.PostgresSettings;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.testkit.postgres.LocalPostgres;

import java.util.OptionalDouble;

import static io.mpauthx.benchmarks.LiveTokens.requireValid;

/**
 * Figures 12a and 12b: {@code isTokenValid} with tokens in PostgreSQL ({@code postgresTokenStore()}, the default
 * pool of 10), 64 threads, without and with the near cache, next to {@code pgbench -S -c 10} on the same server: a
 * primary-key read of one row per transaction, one round trip, over as many connections as the store's pool, which
 * is what a check without the near cache costs the server. A ratio near 1 without the near cache says the store
 * adds little to the read itself; 64 pgbench clients would only measure 64 backends fighting for two cores.
 */
final class PostgresTokenFigures {

    private static final int USERS = 1_000;
    private static final String RATE = "calls/s";
    private static final String REFERENCE = "pgbench -S -c 10";
    /** The builder's default pool: the connections the store reads on. */
    private static final int POOL = PostgresSettings.DEFAULT_MAXIMUM_POOL_SIZE;

    private final Plan plan;
    private final Report report;

    PostgresTokenFigures(Plan plan, Report report) {
        this.plan = plan;
        this.report = report;
    }

    void run() {
        try (LocalPostgres postgres = LocalPostgres.startOnFreePort()) {
            PostgresSettings settings = PostgresSettings.builder().jdbcUrl(postgres.jdbcUrl()).user(postgres.user())
                    .password(postgres.password()).build();
            LiveTokens tokens;
            try (TokenStore store = PostgresAdapters.tokenStore(settings)) {
                tokens = LiveTokens.issue(store, USERS, 1);
            }
            PgBench pgBench = new PgBench(postgres);
            OptionalDouble selectOnly = pgBench.transactionsPerSecond(PgBench.Script.SELECT_ONLY, POOL,
                    plan.measure());
            measure("12a", "isTokenValid, tokens in PostgreSQL, 64 threads", postgres, NearCacheSettings.disabled(),
                    tokens, selectOnly, pgBench);
            measure("12b", "isTokenValid, tokens in PostgreSQL, near cache, 64 threads", postgres,
                    NearCacheSettings.defaults(), tokens, selectOnly, pgBench);
        }
    }

    private void measure(String id, String title, LocalPostgres postgres, NearCacheSettings nearCache,
                         LiveTokens tokens, OptionalDouble reference, PgBench pgBench) {
        try (MpAuthX auth = MpAuthX.builder().appId("wx-benchmark").appSecret("benchmark-secret").sku(LiveTokens.SKU)
                .postgres(postgres.jdbcUrl(), postgres.user(), postgres.password()).postgresTokenStore()
                .nearCache(nearCache).build()) {
            double rate = new LoadDriver(plan.warmup(), plan.measure())
                    .throughput(Plan.MANY_CALLERS, () -> requireValid(auth.isTokenValid(tokens.any())));
            report.add(reference.isPresent()
                    ? Figure.measured(id, title, rate, RATE, REFERENCE, reference.getAsDouble(), Goal.NONE)
                    : Figure.withoutReference(id, title, rate, RATE, REFERENCE, pgBench.unavailableReason(),
                            Goal.NONE));
        }
    }
}
