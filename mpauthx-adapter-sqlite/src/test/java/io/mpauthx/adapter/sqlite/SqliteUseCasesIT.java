package io.mpauthx.adapter.sqlite;

import io.mpauthx.adapter.memory.InMemoryAdapters;
import io.mpauthx.domain.service.AuthorizeContract;
import io.mpauthx.domain.service.CheckTokenContract;
import io.mpauthx.domain.service.FindUserContract;
import io.mpauthx.domain.service.ManageTokensContract;
import io.mpauthx.domain.service.UseCaseStores;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/** The whole behaviour of the use cases with users in a real SQLite file (tokens in memory). */
class SqliteUseCasesIT {

    @TempDir
    Path folder;

    private final UseCaseStores sqlite = UseCaseStores.of(() -> InMemoryAdapters.tokenStore(Clock.systemUTC()),
            () -> SqliteAdapters.userRepository(folder.resolve("users-" + UUID.randomUUID() + ".db")));

    @Nested
    class Authorize extends AuthorizeContract {
        @Override
        protected UseCaseStores stores() {
            return sqlite;
        }
    }

    @Nested
    class CheckTokens extends CheckTokenContract {
        @Override
        protected UseCaseStores stores() {
            return sqlite;
        }
    }

    @Nested
    class ManageTokens extends ManageTokensContract {
        @Override
        protected UseCaseStores stores() {
            return sqlite;
        }
    }

    @Nested
    class FindUsers extends FindUserContract {
        @Override
        protected UseCaseStores stores() {
            return sqlite;
        }
    }
}
