package io.mpauthx.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own pool: used as it is, committed on even when it does not commit by itself, never closed; its
 * failures name the server and database as the owned pool's do.
 */
@ExtendWith(PostgresServerExtension.class)
class PostgresDataSourceIT {

    private final LocalPostgres postgres;
    private final PlainPostgres database;

    PostgresDataSourceIT(LocalPostgres postgres) {
        this.postgres = postgres;
        this.database = PlainPostgres.freshDatabase(postgres);
    }

    private HikariDataSource applicationPool(boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("application");
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(postgres.user());
        config.setPassword(postgres.password());
        config.setMaximumPoolSize(4);
        config.setAutoCommit(autoCommit);
        config.setConnectionTimeout(1_000);
        return new HikariDataSource(config);
    }

    @Test
    void theApplicationsPoolServesTheRepositoryAndStaysOpenAfterItCloses() throws Exception {
        try (HikariDataSource application = applicationPool(true)) {
            UserRepository users = PostgresAdapters.userRepository(PostgresSettings.of(application));
            users.saveProfile(UserId.of("oShared"), new UserProfile("Ann", 2, "", "", "", "", ""));

            users.close();

            assertThat(application.isClosed()).isFalse();
            try (Connection stillServing = application.getConnection()) {
                assertThat(stillServing.isValid(2)).isTrue();
            }
            assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, () -> users.find(UserId.of("oShared")));
        }
        assertThat(database.query("SELECT \"nickName\" FROM \"user\"")).containsExactly(List.of("Ann"));
    }

    @Test
    void writesThroughAPoolThatDoesNotCommitByItselfAreCommitted() throws Exception {
        try (HikariDataSource application = applicationPool(false);
             UserRepository users = PostgresAdapters.userRepository(PostgresSettings.of(application))) {
            users.registerIfAbsent(UserId.of("oCommitted"));
            users.saveProfile(UserId.of("oCommitted"), new UserProfile("Bo", 1, "", "", "", "", ""));

            assertThat(database.query("SELECT \"nickName\" FROM \"user\"")).containsExactly(List.of("Bo"));
            assertThat(users.find(UserId.of("oCommitted"))).isPresent();
        }
    }

    @Test
    void failuresThroughTheApplicationsPoolNameTheServerAndDatabase() {
        try (HikariDataSource application = applicationPool(true);
             UserRepository users = PostgresAdapters.userRepository(PostgresSettings.of(application))) {
            users.registerIfAbsent(UserId.of("oBefore"));
            postgres.stop();
            try {
                MpAuthXException failed = assertFailsWith(StatusCode.DATABASE_RELATED_ERROR,
                        () -> users.registerIfAbsent(UserId.of("oDuring")));

                assertThat(failed).hasMessageContainingAll("127.0.0.1:" + postgres.port(), database.name());
            } finally {
                postgres.start();
            }
            Await.until(Duration.ofSeconds(30), () -> registers(users, "oAfter"),
                    "the repository serving again through the application's pool");
            assertThat(users.exists(UserId.of("oAfter"))).isTrue();
        }
    }

    private static boolean registers(UserRepository users, String userId) {
        try {
            users.registerIfAbsent(UserId.of(userId));
            return true;
        } catch (MpAuthXException notYet) {
            return false;
        }
    }
}
