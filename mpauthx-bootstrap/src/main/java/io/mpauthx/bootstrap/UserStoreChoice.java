package io.mpauthx.bootstrap;

import io.mpauthx.adapter.postgres.PostgresSettings;
import io.mpauthx.domain.port.out.UserRepository;

import java.nio.file.Path;

/** Which user store runs: chosen by the builder, opened by {@link MpAuthXModule}. */
sealed interface UserStoreChoice {

    /** @return what was chosen, for the configuration's text; never a secret */
    String description();

    /** Users in this process. */
    record InMemory() implements UserStoreChoice {
        @Override
        public String description() {
            return "in-memory";
        }
    }

    /** Users in a SQLite file, migrated by Flyway. */
    record Sqlite(Path file) implements UserStoreChoice {
        @Override
        public String description() {
            return "SQLite " + file;
        }
    }

    /** Users in PostgreSQL, shared by every instance; a pool mpauthx owns, or the application's. */
    record Postgres(PostgresSettings settings) implements UserStoreChoice {
        @Override
        public String description() {
            return settings.toString();
        }
    }

    /** The application's own repository. */
    record Custom(UserRepository repository) implements UserStoreChoice {
        @Override
        public String description() {
            return "custom user repository (" + repository.getClass().getName() + ")";
        }
    }
}
