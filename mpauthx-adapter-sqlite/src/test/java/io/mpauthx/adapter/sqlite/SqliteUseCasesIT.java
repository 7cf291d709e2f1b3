package io.mpauthx.adapter.sqlite;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.service.UseCasesContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The whole behaviour of SPEC §4 with users in a real SQLite file (tokens in memory). */
class SqliteUseCasesIT extends UseCasesContract {

    @TempDir
    Path folder;

    @Override
    protected TokenStore newTokenStore() {
        return InMemoryAdapters.tokenStore(Clock.systemUTC());
    }

    @Override
    protected UserRepository newUserRepository() {
        return SqliteAdapters.userRepository(folder.resolve("users.db"));
    }
}
