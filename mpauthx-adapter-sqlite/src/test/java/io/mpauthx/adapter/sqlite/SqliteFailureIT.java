package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file that cannot serve is a 6000 naming it, at open rather than at the first login. */
class SqliteFailureIT {

    /** SQLite header byte 18, the file format write version: above 2, SQLite must treat the file as read-only. */
    private static final int WRITE_VERSION_OFFSET = 18;

    @TempDir
    Path folder;

    private static void assertDatabaseError(ThrowingCallable call, Object... messageParts) {
        assertThatThrownBy(call)
                .isInstanceOf(MpAuthXException.class)
                .satisfies(e -> assertThat(((MpAuthXException) e).statusCode())
                        .isEqualTo(StatusCode.DATABASE_RELATED_ERROR))
                .hasMessageContainingAll(Arrays.stream(messageParts).map(String::valueOf)
                        .toArray(String[]::new));
    }

    @Test
    void readOnlyFileIsRefusedAtOpenNamingIt() throws Exception {
        // Tests may run as root, whom file permissions do not stop; SQLite's own read-only mark stops everyone.
        Path file = folder.resolve("readonly.db");
        PlainSqlite.execute(file, PlainSqlite.ORIGINAL_DDL, "INSERT INTO user(openId) VALUES ('oKept')");
        try (RandomAccessFile header = new RandomAccessFile(file.toFile(), "rw")) {
            header.seek(WRITE_VERSION_OFFSET);
            header.write(3);
        }

        assertDatabaseError(() -> SqliteAdapters.userRepository(file), file, "readonly");
        assertThat(PlainSqlite.query(file, "SELECT openId FROM user")).hasSize(1);
    }

    @Test
    void corruptFileIsRefusedAtOpenNamingIt() throws Exception {
        Path file = folder.resolve("corrupt.db");
        Files.write(file, "this is no database, just text long enough to fill a header".repeat(100)
                .getBytes(StandardCharsets.UTF_8));

        assertDatabaseError(() -> SqliteAdapters.userRepository(file), file, "not a database");
    }

    @Test
    void pathUnderARegularFileIsRefusedNamingIt() throws Exception {
        Path blocker = Files.writeString(folder.resolve("plain-file"), "x");
        Path file = blocker.resolve("users.db");

        assertDatabaseError(() -> SqliteAdapters.userRepository(file), file);
    }

    @Test
    void folderInPlaceOfTheFileIsRefusedNamingIt() throws Exception {
        Path file = Files.createDirectory(folder.resolve("users.db"));

        assertDatabaseError(() -> SqliteAdapters.userRepository(file), file);
    }

    @Test
    void closedRepositoryRefusesEveryCallNamingTheFile() {
        Path file = folder.resolve("closed.db");
        UserRepository users = SqliteAdapters.userRepository(file);
        users.registerIfAbsent(UserId.of("oBeforeClose"));

        users.close();
        users.close();

        UserProfile profile = new UserProfile("n", 0, "", "", "", "", "");
        assertDatabaseError(() -> users.saveProfile(UserId.of("oAfter"), profile), file, "closed");
        assertDatabaseError(() -> users.registerIfAbsent(UserId.of("oAfter")), file, "closed");
        assertDatabaseError(() -> users.find(UserId.of("oBeforeClose")), file, "closed");
        assertDatabaseError(() -> users.exists(UserId.of("oBeforeClose")), file, "closed");
        assertDatabaseError(() -> users.list(0, 10), file, "closed");
    }

    @Test
    void closeReleasesTheFileForOthers() throws Exception {
        Path file = folder.resolve("released.db");
        SqliteAdapters.userRepository(file).close();

        // the last connection to close checkpoints and removes the WAL; leaving WAL needs every connection gone
        assertThat(folder.resolve("released.db-wal")).doesNotExist();
        PlainSqlite.execute(file, "PRAGMA journal_mode = DELETE");
        assertThat(PlainSqlite.query(file, "PRAGMA journal_mode")).flatExtracting(row -> row).containsExactly("delete");
    }
}
