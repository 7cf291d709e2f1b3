package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mpauthx.domain.testing.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway owns the schema, and adopts the databases the Node.js original has been writing. */
class SqliteMigrationIT {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path folder;

    private Path originalDatabase() throws Exception {
        Path file = folder.resolve("mpauthx.db");
        PlainSqlite.execute(file, PlainSqlite.ORIGINAL_DDL,
                "INSERT INTO user(openId) VALUES ('oNodeOnlyId')",
                "INSERT INTO user(openId, city, country, gender, language, nickName, province)"
                        + " VALUES ('oNodeProfile', 'Hangzhou', 'China', 2, 'zh_CN', 'Mei', 'Zhejiang')");
        return file;
    }

    private UserRepository open(Path file) {
        return SqliteAdapters.userRepository(file, new SettableClock(NOW));
    }

    @Test
    void originalDatabaseIsBaselinedAtV1AndMigratedForwardKeepingEveryRow() throws Exception {
        Path file = originalDatabase();

        try (UserRepository users = open(file)) {
            assertThat(users.list(0, 10)).extracting(user -> user.id().value())
                    .containsExactly("oNodeOnlyId", "oNodeProfile");
            User onlyId = users.find(UserId.of("oNodeOnlyId")).orElseThrow();
            assertThat(onlyId.profile()).isEmpty();
            assertThat(onlyId.createdAt()).isEqualTo(Instant.EPOCH);
            assertThat(onlyId.updatedAt()).isEqualTo(Instant.EPOCH);
            assertThat(users.find(UserId.of("oNodeProfile")).orElseThrow().profile())
                    .contains(new UserProfile("Mei", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", ""));
        }
        assertThat(PlainSqlite.history(file)).containsExactly("1 BASELINE 1", "2 SQL 1", "3 SQL 1");
    }

    @Test
    void secondOpenChangesNothing() throws Exception {
        Path file = originalDatabase();
        open(file).close();
        List<List<String>> historyBefore = PlainSqlite.query(file,
                "SELECT * FROM " + SqliteSchema.HISTORY_TABLE + " ORDER BY installed_rank");
        List<List<String>> rowsBefore = PlainSqlite.query(file, "SELECT * FROM user ORDER BY openId");

        open(file).close();

        assertThat(PlainSqlite.query(file, "SELECT * FROM " + SqliteSchema.HISTORY_TABLE + " ORDER BY installed_rank"))
                .isEqualTo(historyBefore);
        assertThat(PlainSqlite.query(file, "SELECT * FROM user ORDER BY openId")).isEqualTo(rowsBefore);
    }

    @Test
    void originalRowsGainTimestampsOnlyWhenTheyChange() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        try (UserRepository users = SqliteAdapters.userRepository(originalDatabase(), clock)) {
            users.registerIfAbsent(UserId.of("oNodeOnlyId"));
            users.saveProfile(UserId.of("oNodeProfile"),
                    new UserProfile("Mei", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", "u"));

            assertThat(users.find(UserId.of("oNodeOnlyId")).orElseThrow().updatedAt()).isEqualTo(Instant.EPOCH);
            User updated = users.find(UserId.of("oNodeProfile")).orElseThrow();
            assertThat(updated.createdAt()).isEqualTo(Instant.EPOCH);
            assertThat(updated.updatedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void newFileRunsEveryMigrationFromV1() throws Exception {
        Path file = folder.resolve("new.db");

        open(file).close();

        assertThat(PlainSqlite.history(file)).containsExactly("1 SQL 1", "2 SQL 1", "3 SQL 1");
        assertThat(PlainSqlite.query(file, "SELECT name FROM pragma_table_info('user') ORDER BY cid"))
                .flatExtracting(row -> row)
                .containsExactly("openId", "city", "country", "gender", "language", "nickName", "province",
                        "avatarUrl", "createdAt", "updatedAt", "phoneNumber", "purePhoneNumber", "phoneCountryCode");
    }

    @Test
    void fileWithOtherTablesButNotTheOriginalStillGetsV1() throws Exception {
        Path file = folder.resolve("shared.db");
        PlainSqlite.execute(file, "CREATE TABLE orders(id integer primary key)", "INSERT INTO orders VALUES (7)");

        try (UserRepository users = open(file)) {
            users.registerIfAbsent(UserId.of("oShared"));
            assertThat(users.exists(UserId.of("oShared"))).isTrue();
        }
        assertThat(PlainSqlite.history(file)).containsExactly("0 BASELINE 1", "1 SQL 1", "2 SQL 1", "3 SQL 1");
        assertThat(PlainSqlite.query(file, "SELECT id FROM orders")).containsExactly(List.of("7"));
    }

    @Test
    void fileIsLeftInWalMode() throws Exception {
        Path file = folder.resolve("wal.db");

        open(file).close();

        assertThat(PlainSqlite.query(file, "PRAGMA journal_mode")).containsExactly(List.of("wal"));
    }

    @Test
    void missingParentFoldersAreCreated() {
        Path file = folder.resolve("a/b/c/users.db");

        try (UserRepository users = open(file)) {
            users.registerIfAbsent(UserId.of("oDeep"));
            assertThat(users.exists(UserId.of("oDeep"))).isTrue();
        }
        assertThat(file).isRegularFile();
    }
}
