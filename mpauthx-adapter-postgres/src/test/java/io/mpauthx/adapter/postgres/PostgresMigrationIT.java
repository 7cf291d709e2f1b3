package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Flyway owns the schema, and adopts a {@code "user"} table of the original's shape that is already there. */
@ExtendWith(PostgresServerExtension.class)
class PostgresMigrationIT {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String USER_ROWS = "SELECT * FROM \"user\" ORDER BY \"openId\"";

    private final PlainPostgres database;

    PostgresMigrationIT(LocalPostgres postgres) {
        this.database = PlainPostgres.freshDatabase(postgres);
    }

    private UserRepository open() {
        return PostgresAdapters.userRepository(database.settings().build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void createOriginalTableWithRows() throws Exception {
        database.execute(PlainPostgres.ORIGINAL_DDL,
                "INSERT INTO \"user\"(\"openId\") VALUES ('oNodeOnlyId')",
                "INSERT INTO \"user\"(\"openId\", city, country, gender, language, \"nickName\", province)"
                        + " VALUES ('oNodeProfile', 'Hangzhou', 'China', 2, 'zh_CN', 'Mei', 'Zhejiang')");
    }

    @Test
    void originalTableIsBaselinedAtV1AndMigratedForwardKeepingEveryRow() throws Exception {
        createOriginalTableWithRows();

        try (UserRepository users = open()) {
            assertThat(users.list(0, 10)).extracting(user -> user.id().value()).containsExactly("oNodeOnlyId", "oNodeProfile");
            User onlyId = users.find(UserId.of("oNodeOnlyId")).orElseThrow();
            assertThat(onlyId.profile()).isEmpty();
            assertThat(onlyId.createdAt()).isEqualTo(Instant.EPOCH);
            assertThat(onlyId.updatedAt()).isEqualTo(Instant.EPOCH);
            assertThat(users.find(UserId.of("oNodeProfile")).orElseThrow().profile())
                    .contains(new UserProfile("Mei", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", ""));
        }
        assertThat(database.history("public")).containsExactly("1 BASELINE t", "2 SQL t", "3 SQL t", "4 SQL t");
    }

    @Test
    void secondOpenChangesNothing() throws Exception {
        createOriginalTableWithRows();
        open().close();
        List<String> historyBefore = database.history("public");
        List<List<String>> rowsBefore = database.query(USER_ROWS);

        open().close();

        assertThat(database.history("public")).isEqualTo(historyBefore);
        assertThat(database.query(USER_ROWS)).isEqualTo(rowsBefore);
    }

    @Test
    void originalRowsGainTimestampsOnlyWhenTheyChange() throws Exception {
        createOriginalTableWithRows();

        try (UserRepository users = open()) {
            users.registerIfAbsent(UserId.of("oNodeOnlyId"));
            users.saveProfile(UserId.of("oNodeProfile"), new UserProfile("Mei", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", "u"));

            assertThat(users.find(UserId.of("oNodeOnlyId")).orElseThrow().updatedAt()).isEqualTo(Instant.EPOCH);
            User updated = users.find(UserId.of("oNodeProfile")).orElseThrow();
            assertThat(updated.createdAt()).isEqualTo(Instant.EPOCH);
            assertThat(updated.updatedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void newDatabaseRunsEveryMigrationFromV1() throws Exception {
        open().close();

        assertThat(database.history("public")).containsExactly("1 SQL t", "2 SQL t", "3 SQL t", "4 SQL t");
        assertThat(database.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = 'user' ORDER BY ordinal_position"))
                .flatExtracting(row -> row)
                .containsExactly("openId", "city", "country", "gender", "language", "nickName", "province",
                        "avatarUrl", "createdAt", "updatedAt", "phoneNumber", "purePhoneNumber", "phoneCountryCode");
    }

    @Test
    void schemaWithOtherTablesButNotTheOriginalStillGetsV1() throws Exception {
        database.execute("CREATE TABLE orders(id integer primary key)", "INSERT INTO orders VALUES (7)");

        try (UserRepository users = open()) {
            users.registerIfAbsent(UserId.of("oShared"));
            assertThat(users.exists(UserId.of("oShared"))).isTrue();
        }
        assertThat(database.history("public")).containsExactly("0 BASELINE t", "1 SQL t", "2 SQL t", "3 SQL t", "4 SQL t");
        assertThat(database.query("SELECT id FROM orders")).containsExactly(List.of("7"));
    }

    @Test
    void aUserTableOfSomeoneElsesIsRefusedAndLeftAlone() throws Exception {
        database.execute("CREATE TABLE \"user\"(id serial primary key, email text)",
                "INSERT INTO \"user\"(email) VALUES ('ann@example.com')");

        MpAuthXException refused = assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, this::open);

        assertThat(refused).hasMessageContainingAll("schema public", "\"user\"", "not mpauthx's", "openId",
                database.name());
        assertThat(database.query("SELECT id, email FROM \"user\"")).containsExactly(List.of("1", "ann@example.com"));
        assertThat(database.number("SELECT count(*) FROM pg_tables WHERE tablename = '"
                + PostgresSchema.HISTORY_TABLE + "'")).isZero();
    }

    @Test
    void anOriginalTableCreatedWithUnquotedLowerCaseNamesIsRefusedNotMisread() throws Exception {
        database.execute("CREATE TABLE \"user\"(openId text primary key not null, city text, country text,"
                + " gender integer, language text, nickName text, province text)");

        assertThat(assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, this::open))
                .hasMessageContaining("case-sensitive");
    }

    @Test
    void instancesOpeningTheSameNewDatabaseAtOnceMigrateItOnce() throws Exception {
        List<Boolean> opened = Concurrently.run(8, instance -> {
            try (UserRepository users = open()) {
                users.registerIfAbsent(UserId.of("oInstance" + instance));
                return true;
            }
        });

        assertThat(opened).containsOnly(true).hasSize(8);
        assertThat(database.history("public")).containsExactly("1 SQL t", "2 SQL t", "3 SQL t", "4 SQL t");
        assertThat(database.number("SELECT count(*) FROM \"user\"")).isEqualTo(8);
    }

    @Test
    void anInstanceWaitsForItsTurnWhileAnotherMigrates() throws Exception {
        try (Connection otherInstance = database.connect()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement turn = otherInstance.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
                turn.setString(1, PostgresSchema.HISTORY_TABLE);
                turn.setString(2, "public");
                turn.execute();
            }

            CompletableFuture<UserRepository> opening = CompletableFuture.supplyAsync(this::open);
            Await.until(Duration.ofSeconds(30), () -> database.numberNow(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 1,
                    "the opening waiting for the other instance's turn to end");
            assertThat(opening).isNotDone();
            assertThat(database.number("SELECT count(*) FROM pg_tables WHERE tablename = '"
                    + PostgresSchema.HISTORY_TABLE + "'")).isZero();

            otherInstance.commit();
            try (UserRepository users = opening.get(30, TimeUnit.SECONDS)) {
                users.registerIfAbsent(UserId.of("oAfterItsTurn"));
                assertThat(users.exists(UserId.of("oAfterItsTurn"))).isTrue();
            }
        }
    }
}
