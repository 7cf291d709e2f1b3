package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.UserRepositoryContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The shared user repository contract, on a real SQLite file. */
class SqliteUserRepositoryIT extends UserRepositoryContract {

    @TempDir
    Path folder;

    @Override
    protected UserRepository newRepository() {
        return SqliteAdapters.userRepository(folder.resolve("users.db"));
    }
}
