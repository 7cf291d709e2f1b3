package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.port.out.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** Gives each test a repository on a new file in its own temp folder, and closes it afterwards. */
abstract class FreshDatabaseFile {

    @TempDir
    Path folder;

    UserRepository users;

    /** @return the clock the repository stamps with; tests that check timestamps pass one they move */
    Clock clock() {
        return Clock.systemUTC();
    }

    Path file() {
        return folder.resolve("users.db");
    }

    @BeforeEach
    void openRepository() {
        users = SqliteAdapters.userRepository(file(), clock());
    }

    @AfterEach
    void closeRepository() {
        users.close();
    }
}
