package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** A file opened read-only is read as it is and never changed: no migration, no journal mode, no write. */
class SqliteReadOnlyIT {

    private static final UserProfile ANN = new UserProfile("Ann", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", "");

    @TempDir
    Path folder;

    @Test
    void anMpauthxDatabaseIsReadAndNeverWritten() throws Exception {
        Path file = folder.resolve("users.db");
        try (UserRepository writable = SqliteAdapters.userRepository(file)) {
            writable.saveProfile(UserId.of("oAnn"), ANN);
            writable.registerIfAbsent(UserId.of("oBob"));
        }
        byte[] before = Files.readAllBytes(file);

        try (UserRepository users = SqliteAdapters.readOnlyUserRepository(file)) {
            assertThat(users.list(0, 10)).extracting(user -> user.id().value()).containsExactly("oAnn", "oBob");
            assertThat(users.find(UserId.of("oAnn")).flatMap(User::profile)).contains(ANN);
            assertThat(assertFailsWith(StatusCode.DATABASE_RELATED_ERROR,
                    () -> users.registerIfAbsent(UserId.of("oCarol"))))
                    .hasMessageContainingAll(file.toString(), "readonly");
            assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, () -> users.saveProfile(UserId.of("oAnn"), ANN));
            assertThat(users.exists(UserId.of("oCarol"))).isFalse();
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.notExists(walOf(file)) || Files.size(walOf(file)) == 0).as("nothing in the WAL").isTrue();
    }

    @Test
    void readsBesideAnApplicationWritingTheSameFile() {
        Path file = folder.resolve("shared.db");
        try (UserRepository application = SqliteAdapters.userRepository(file);
             UserRepository admin = SqliteAdapters.readOnlyUserRepository(file)) {
            application.registerIfAbsent(UserId.of("oFirst"));
            assertThat(admin.exists(UserId.of("oFirst"))).isTrue();
            application.registerIfAbsent(UserId.of("oSecond"));
            assertThat(admin.list(0, 10)).extracting(user -> user.id().value()).containsExactly("oFirst", "oSecond");
        }
    }

    @Test
    void aFileWithoutUserTableIsRefusedAndLeftAsItWas() throws Exception {
        Path file = folder.resolve("orders.db");
        PlainSqlite.execute(file, "CREATE TABLE orders(id integer primary key, item text)",
                "INSERT INTO orders(item) VALUES ('tea')");
        byte[] before = Files.readAllBytes(file);

        assertThat(openingReadOnlyFails(file))
                .hasMessageContainingAll(file.toString(), "read-only", "no table named user");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(PlainSqlite.query(file, "PRAGMA journal_mode")).flatExtracting(row -> row).containsExactly("delete");
        assertThat(walOf(file)).doesNotExist();
    }

    @Test
    void aDatabaseOfTheNodeOriginalIsReadAsItIsWithoutMigratingIt() throws Exception {
        Path file = folder.resolve("node.db");
        PlainSqlite.execute(file, PlainSqlite.ORIGINAL_DDL, "INSERT INTO user(openId) VALUES ('oKept')",
                "INSERT INTO user(openId, nickName, gender, city) VALUES ('oProfile', 'Mei', 2, 'Hangzhou')");
        byte[] before = Files.readAllBytes(file);

        try (UserRepository users = SqliteAdapters.readOnlyUserRepository(file)) {
            assertThat(users.list(0, 10)).extracting(user -> user.id().value()).containsExactly("oKept", "oProfile");
            User profiled = users.find(UserId.of("oProfile")).orElseThrow();
            assertThat(profiled.profile().map(profile -> profile.nickName() + "/" + profile.city()))
                    .contains("Mei/Hangzhou");
            assertThat(profiled.createdAt()).as("the original kept no times").isEqualTo(Instant.EPOCH);
            assertThat(users.find(UserId.of("oKept")).orElseThrow().profile()).isEmpty();
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(PlainSqlite.query(file, "SELECT name FROM sqlite_master")).flatExtracting(row -> row)
                .containsExactly("user", "sqlite_autoindex_user_1");
    }

    @Test
    void aMissingFileIsRefusedAndNotCreated() {
        Path file = folder.resolve("absent/users.db");

        assertThat(openingReadOnlyFails(file))
                .hasMessageContainingAll(file.toString(), "no such file");

        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void aFolderIsRefused() throws IOException {
        Path folderInstead = Files.createDirectory(folder.resolve("users.db"));

        assertThat(openingReadOnlyFails(folderInstead))
                .hasMessageContainingAll(folderInstead.toString(), "not a regular file");
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedAndLeftAsItWas() throws IOException, SQLException {
        Path file = folder.resolve("notes.db");
        byte[] text = "this is no database, just text long enough to fill a header".repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);

        assertThat(openingReadOnlyFails(file))
                .hasMessageContainingAll(file.toString(), "not a database");

        assertThat(Arrays.equals(Files.readAllBytes(file), text)).isTrue();
    }

    private static MpAuthXException openingReadOnlyFails(Path file) {
        return assertFailsWith(StatusCode.DATABASE_RELATED_ERROR, () -> SqliteAdapters.readOnlyUserRepository(file));
    }

    private static Path walOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }
}
