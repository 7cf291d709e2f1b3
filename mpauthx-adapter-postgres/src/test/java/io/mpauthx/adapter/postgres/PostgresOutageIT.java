package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server goes away under sixteen callers and comes back: calls fail with 6000 while it is away, the same
 * repository serves again once it is back, without being reopened, and every login it acknowledged is stored.
 */
@ExtendWith(PostgresServerExtension.class)
class PostgresOutageIT {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresOutageIT.class);
    private static final int CALLERS = 16;
    private static final int LOGINS = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final LocalPostgres postgres;
    private final PlainPostgres database;

    PostgresOutageIT(LocalPostgres postgres) {
        this.postgres = postgres;
        this.database = PlainPostgres.freshDatabase(postgres);
    }

    @Test
    void aServerStoppedUnderLoadFailsCallsWith6000AndTheSameRepositoryRecoversLosingNothing() throws Exception {
        survives("stop", postgres::stop);
    }

    @Test
    void aServerCrashedUnderLoadFailsCallsWith6000AndTheSameRepositoryRecoversLosingNothing() throws Exception {
        survives("crash", postgres::crash);
    }

    private void survives(String outageName, Runnable outage) throws Exception {
        LoginLoad load;
        long recoveryNanos;
        int failedWhileDown;
        try (UserRepository users = PostgresAdapters.userRepository(database.settings()
                .connectTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(5)).build())) {
            load = LoginLoad.start(users, CALLERS);
            try (load) {
                Await.until(DEADLINE, () -> load.acknowledgedCount() >= LOGINS, LOGINS + " logins before the outage");
                outage.run();
                Await.until(DEADLINE, () -> load.databaseErrors() >= CALLERS, "callers failing with 6000");
                assertThat(assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, () -> users.find(UserId.of("oAnyone"))))
                        .hasMessageContainingAll("127.0.0.1:" + postgres.port(), database.name());

                failedWhileDown = load.databaseErrors();
                int acknowledgedBeforeRestart = load.acknowledgedCount();
                long restarted = System.nanoTime();
                postgres.start();
                Await.until(DEADLINE, () -> load.acknowledgedCount() > acknowledgedBeforeRestart,
                        "a login acknowledged after the restart");
                recoveryNanos = System.nanoTime() - restarted;
                Await.until(DEADLINE, () -> load.acknowledgedCount() >= acknowledgedBeforeRestart + LOGINS,
                        LOGINS + " more logins on the same repository");
            }
        }

        assertThat(load.unexpected()).isEmpty();
        Set<String> stored = new HashSet<>();
        database.query("SELECT \"openId\" FROM \"user\"").forEach(row -> stored.add(row.get(0)));
        assertThat(stored).containsAll(load.acknowledged());
        LOG.info("{}: {} logins acknowledged, all stored ({} rows); {} calls failed with 6000 while the server was "
                        + "away; first login acknowledged {} ms after the server was started again",
                outageName, load.acknowledgedCount(), stored.size(), failedWhileDown, recoveryNanos / 1_000_000);
    }

    @Test
    void aConnectionTheServerDroppedCostsNoCall() throws Exception {
        try (UserRepository users = PostgresAdapters.userRepository(database.settings().maximumPoolSize(3).build())) {
            users.registerIfAbsent(UserId.of("oBeforeTheDrop"));

            database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'mpauthx' AND datname = current_database()");

            users.registerIfAbsent(UserId.of("oAfterTheDrop"));
            assertThat(users.exists(UserId.of("oAfterTheDrop"))).isTrue();
        }
    }
}
