package io.mpauthx.benchmarks;

import io.mpauthx.adapter.postgres.PostgresAdapters;
import io.mpauthx.adapter.postgres.PostgresSettings;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXBuilder;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.WeChatSandbox;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Figures 9a and 9b: users in PostgreSQL. 9a is {@code authorize} end to end at 16 callers (WeChat sandbox, tokens
 * in Redis) with users in PostgreSQL, next to the same with users in a SQLite file, measured right before it: the
 * PostgreSQL store should not be what limits a login. 9b is the upsert alone ({@code saveProfile} through the
 * adapter, 16 callers) next to {@code pgbench -N} with 16 clients on the same server: a transaction that updates a
 * row by key and inserts one, the cheapest write workload PostgreSQL ships a script for.
 */
final class PostgresUserFigures {

    private static final String APP_ID = "wx-benchmark";
    private static final String APP_SECRET = "benchmark-secret";
    private static final String LOGINS = "logins/s";
    private static final String WRITES = "writes/s";
    private static final int USERS = 2_000;

    private final LocalRedisServer redis;
    private final Plan plan;
    private final Report report;

    PostgresUserFigures(LocalRedisServer redis, Plan plan, Report report) {
        this.redis = redis;
        this.plan = plan;
        this.report = report;
    }

    void run() {
        Path folder = AuthorizeFigures.temporaryFolder();
        try (LocalPostgres postgres = LocalPostgres.startOnFreePort();
             WeChatSandbox weChat = WeChatSandbox.start(APP_ID, APP_SECRET)) {
            double withSqlite = authorize(weChat, builder -> builder.sqlite(folder.resolve("users.db")));
            double withPostgres = authorize(weChat,
                    builder -> builder.postgres(postgres.jdbcUrl(), postgres.user(), postgres.password()));
            report.add(Figure.measured("9a", "authorize end to end, users in PostgreSQL, 16 callers", withPostgres,
                    LOGINS, "the same with users in SQLite", withSqlite, Goal.ratioAtLeast(0.9)));
            upsertAlone(postgres);
        } finally {
            AuthorizeFigures.delete(folder);
        }
    }

    private double authorize(WeChatSandbox weChat, UnaryOperator<MpAuthXBuilder> users) {
        MpAuthXBuilder builder = MpAuthX.builder().appId(APP_ID).appSecret(APP_SECRET).sku(LiveTokens.SKU)
                .redis(redis.uri()).nearCache(NearCacheSettings.disabled()).weChatApiBaseUrl(weChat.baseUrl());
        try (MpAuthX auth = users.apply(builder).build()) {
            LoginPool logins = new LoginPool(weChat, USERS, AuthorizeFigures.poolSize(plan, Plan.LOGIN_CALLERS));
            return driver().throughput(Plan.LOGIN_CALLERS, () -> {
                SandboxLogin login = logins.next();
                AuthResult result = auth.authorize(login.code(), login.encryptedData(), login.iv());
                if (result.statusCode() != StatusCode.SUCCESS.code()) {
                    throw new IllegalStateException("a sandbox login failed: " + result);
                }
            });
        }
    }

    private void upsertAlone(LocalPostgres postgres) {
        // one connection per caller, as pgbench has one per client
        PostgresSettings settings = PostgresSettings.builder().jdbcUrl(postgres.jdbcUrl()).user(postgres.user())
                .password(postgres.password()).maximumPoolSize(Plan.LOGIN_CALLERS).build();
        double upserts;
        try (UserRepository users = PostgresAdapters.userRepository(settings)) {
            upserts = driver().throughput(Plan.LOGIN_CALLERS, () -> {
                int user = ThreadLocalRandom.current().nextInt(USERS);
                users.saveProfile(UserId.of(LiveTokens.openId(user)), new UserProfile("nick-" + user,
                        user % 3, "zh_CN", "Shenzhen", "Guangdong", "China", "https://example.com/a.png"));
            });
        }
        PgBench pgBench = new PgBench(postgres);
        String title = "UserRepository.saveProfile (upsert) on PostgreSQL, 16 callers";
        String reference = "pgbench -N -c 16";
        OptionalDouble simpleUpdate = pgBench.transactionsPerSecond(PgBench.Script.SIMPLE_UPDATE,
                Plan.LOGIN_CALLERS, plan.measure());
        report.add(simpleUpdate.isPresent()
                ? Figure.measured("9b", title, upserts, WRITES, reference, simpleUpdate.getAsDouble(), Goal.NONE)
                : Figure.withoutReference("9b", title, upserts, WRITES, reference, pgBench.unavailableReason(),
                        Goal.NONE));
    }

    private LoadDriver driver() {
        return new LoadDriver(plan.warmup(), plan.measure());
    }

}
