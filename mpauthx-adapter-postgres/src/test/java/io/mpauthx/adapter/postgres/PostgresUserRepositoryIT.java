package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.UserRepositoryContract;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared user repository contract, on a real PostgreSQL server, each test in a new database. */
@ExtendWith(PostgresServerExtension.class)
class PostgresUserRepositoryIT extends UserRepositoryContract {

    private final LocalPostgres postgres;

    PostgresUserRepositoryIT(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    @Override
    protected UserRepository newRepository() {
        return PostgresAdapters.userRepository(PlainPostgres.freshDatabase(postgres).settings().build());
    }

    /** PostgreSQL's text cannot hold U+0000: the repository refuses it. */
    @Override
    protected boolean storesNulCharacters() {
        return false;
    }
}
