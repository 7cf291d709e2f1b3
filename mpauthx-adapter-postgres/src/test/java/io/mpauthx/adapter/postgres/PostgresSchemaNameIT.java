package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tables can live in a schema of their own, beside an application's tables in {@code public}. */
@ExtendWith(PostgresServerExtension.class)
class PostgresSchemaNameIT {

    private final PlainPostgres database;

    PostgresSchemaNameIT(LocalPostgres postgres) {
        this.database = PlainPostgres.freshDatabase(postgres);
    }

    private UserRepository open(String schema) {
        return PostgresAdapters.userRepository(database.settings().schema(schema).build());
    }

    @Test
    void aSchemaOtherThanPublicIsCreatedAndHoldsEverything() throws Exception {
        try (UserRepository users = open("mpauthx")) {
            users.registerIfAbsent(UserId.of("oInOwnSchema"));
        }

        assertThat(database.query("SELECT \"openId\" FROM mpauthx.\"user\"")).containsExactly(List.of("oInOwnSchema"));
        assertThat(database.history("mpauthx")).containsExactly("- SCHEMA t", "1 SQL t", "2 SQL t", "3 SQL t", "4 SQL t");
        assertThat(database.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
    }

    @Test
    void twoSchemasOfOneDatabaseHoldSeparateUsers() {
        try (UserRepository shop = open("shop"); UserRepository game = open("game")) {
            shop.registerIfAbsent(UserId.of("oShopper"));
            game.registerIfAbsent(UserId.of("oPlayer"));

            assertThat(shop.list(0, 10)).extracting(user -> user.id().value()).containsExactly("oShopper");
            assertThat(game.list(0, 10)).extracting(user -> user.id().value()).containsExactly("oPlayer");
            assertThat(shop.find(UserId.of("oPlayer"))).isEmpty();
        }
    }

    @Test
    void anOriginalTableInTheChosenSchemaIsBaselinedThere() throws Exception {
        database.execute("CREATE SCHEMA legacy", "SET search_path TO legacy", PlainPostgres.ORIGINAL_DDL,
                "INSERT INTO legacy.\"user\"(\"openId\") VALUES ('oLegacy')");

        try (UserRepository users = open("legacy")) {
            assertThat(users.list(0, 10)).extracting(user -> user.id().value()).containsExactly("oLegacy");
        }
        assertThat(database.history("legacy")).containsExactly("1 BASELINE t", "2 SQL t", "3 SQL t", "4 SQL t");
    }

    @Test
    void theApplicationsSearchPathDoesNotMatter() throws Exception {
        database.execute("CREATE SCHEMA decoy", "CREATE TABLE decoy.\"user\"(\"openId\" text primary key)",
                "ALTER ROLE " + database.query("SELECT current_user").get(0).get(0) + " IN DATABASE "
                        + database.name() + " SET search_path TO decoy");

        try (UserRepository users = open("public")) {
            users.registerIfAbsent(UserId.of("oPublic"));
            assertThat(users.exists(UserId.of("oPublic"))).isTrue();
        }
        assertThat(database.query("SELECT \"openId\" FROM public.\"user\"")).containsExactly(List.of("oPublic"));
        assertThat(database.query("SELECT \"openId\" FROM decoy.\"user\"")).isEmpty();
    }
}
