package io.mpauthx.cli;

import io.mpauthx.adapter.sqlite.SqliteAdapters;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mpauthx users} on real SQLite files: it reads the file it is pointed at and never changes it. */
class UsersCommandIT {

    @TempDir
    Path folder;

    private final CapturedCli cli = new CapturedCli();

    @Test
    void aFileOfAnotherApplicationIsRefusedAndLeftAsItWas() throws Exception {
        Path file = folder.resolve("orders.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders(id integer primary key, item text)");
            statement.execute("INSERT INTO orders(item) VALUES ('tea')");
        }
        SqliteFileState before = SqliteFileState.of(file);

        int exitCode = cli.run("users", "--db", file.toString());

        assertThat(exitCode).as(cli.out()).isNotZero();
        assertThat(cli.err()).contains("6000", file.toAbsolutePath().toString(), "no table named user");
        assertThat(SqliteFileState.of(file)).isEqualTo(before)
                .satisfies(after -> assertThat(after.tables()).containsExactly("orders"))
                .satisfies(after -> assertThat(after.journalMode()).isEqualTo("delete"));
        assertThat(folder.resolve("orders.db-wal")).doesNotExist();
    }

    @Test
    void anMpauthxDatabaseIsListedAndLeftAsItWas() throws Exception {
        Path file = mpauthxDatabase();
        SqliteFileState before = SqliteFileState.of(file);

        int exitCode = cli.run("users", "--db", file.toString());

        assertThat(exitCode).as(cli.err()).isZero();
        assertThat(cli.out()).contains("oAnn", "Ann", "Hangzhou", "oBob", "2 user(s) shown");
        assertThat(SqliteFileState.of(file)).isEqualTo(before);
        assertThat(before.journalMode()).isEqualTo("wal");
        // SQLite readers of a WAL file share its -wal and -shm files; a reader may create them, never fill the -wal
        Path wal = folder.resolve("users.db-wal");
        assertThat(Files.notExists(wal) || Files.size(wal) == 0).as("no change waits in " + wal).isTrue();
    }

    @Test
    void aMissingFileIsAnErrorAndIsNotCreated() {
        Path absent = folder.resolve("absent.db");

        assertThat(cli.run("users", "--db", absent.toString())).isNotZero();
        assertThat(cli.err()).contains("6000", absent.toAbsolutePath().toString(), "no such file");
        assertThat(absent).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void aLimitBelowOneIsRefused(String limit) throws Exception {
        Path file = mpauthxDatabase();

        int exitCode = cli.run("users", "--db", file.toString(), "--limit", limit);

        assertThat(exitCode).as(cli.out()).isNotZero();
        assertThat(cli.err()).contains("--limit must be at least 1, got " + limit);
        assertThat(cli.out()).doesNotContain("user(s) shown");
    }

    @Test
    void theLimitCutsTheList() throws Exception {
        Path file = mpauthxDatabase();

        assertThat(cli.run("users", "--db", file.toString(), "--limit", "1")).isZero();
        assertThat(cli.out()).contains("oAnn", "1 user(s) shown").doesNotContain("oBob");
    }

    private Path mpauthxDatabase() {
        Path file = folder.resolve("users.db");
        try (UserRepository users = SqliteAdapters.userRepository(file)) {
            users.saveProfile(UserId.of("oAnn"), new UserProfile("Ann", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", ""));
            users.registerIfAbsent(UserId.of("oBob"));
        }
        return file;
    }
}
