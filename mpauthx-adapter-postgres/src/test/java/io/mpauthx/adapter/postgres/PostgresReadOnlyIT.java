package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admin tools read a user database without migrating or changing it, whatever database they are pointed at. */
@ExtendWith(PostgresServerExtension.class)
class PostgresReadOnlyIT {

    private final LocalPostgres server;

    PostgresReadOnlyIT(LocalPostgres server) {
        this.server = server;
    }

    @Test
    void aDatabaseOfMpauthxIsReadAndNoWriteGetsThrough() throws SQLException {
        PlainPostgres database = PlainPostgres.freshDatabase(server);
        try (UserRepository writable = PostgresAdapters.userRepository(database.settings().build())) {
            writable.saveProfile(UserId.of("oAnn"), new UserProfile("Ann", 2, "zh_CN", "", "", "", ""));
        }
        long historyBefore = database.number("SELECT count(*) FROM mpauthx_schema_history");

        try (UserRepository reader = PostgresAdapters.readOnlyUserRepository(database.settings().build())) {
            assertThat(reader.find(UserId.of("oAnn")).flatMap(user -> user.profile()).map(UserProfile::nickName))
                    .contains("Ann");
            assertThatThrownBy(() -> reader.registerIfAbsent(UserId.of("oBob"))).isInstanceOfSatisfying(
                    MpAuthXException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
        }

        assertThat(database.number("SELECT count(*) FROM \"user\"")).isEqualTo(1);
        assertThat(database.number("SELECT count(*) FROM mpauthx_schema_history")).isEqualTo(historyBefore);
    }

    @Test
    void aDatabaseWithoutMpauthxTablesIsRefusedAndLeftAsItWas() throws SQLException {
        PlainPostgres database = PlainPostgres.freshDatabase(server);

        assertThatThrownBy(() -> PostgresAdapters.readOnlyUserRepository(database.settings().build()))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                    assertThat(e.getMessage()).contains("no \"user\" table").contains(database.name())
                            .doesNotContain(server.password());
                });
        assertThat(database.number("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .isZero();
    }

    @Test
    void aTableOfTheOriginalIsReadAsItIsWithoutMigratingIt() throws SQLException {
        PlainPostgres database = PlainPostgres.freshDatabase(server);
        database.execute(PlainPostgres.ORIGINAL_DDL,
                "INSERT INTO \"user\"(\"openId\", \"nickName\") VALUES ('oMei', 'Mei')");

        try (UserRepository reader = PostgresAdapters.readOnlyUserRepository(database.settings().build())) {
            assertThat(reader.find(UserId.of("oMei"))).hasValueSatisfying(user -> {
                assertThat(user.profile().map(UserProfile::nickName)).contains("Mei");
                assertThat(user.createdAt()).isEqualTo(Instant.EPOCH);
            });
        }
        assertThat(database.number("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .as("no history table, no migration").isEqualTo(1);
    }
}
