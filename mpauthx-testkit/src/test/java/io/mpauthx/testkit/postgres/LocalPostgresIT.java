package io.mpauthx.testkit.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresServerExtension.class)
class LocalPostgresIT {

    private final LocalPostgres injectedIntoConstructor;

    LocalPostgresIT(LocalPostgres postgres) {
        this.injectedIntoConstructor = postgres;
    }

    @Test
    void extensionStartsOneServerPerClassOnALoopbackPortOfItsOwn(LocalPostgres postgres) throws SQLException {
        assertThat(postgres).isSameAs(injectedIntoConstructor);
        assertThat(postgres.acceptsConnections()).isTrue();
        assertThat(postgres.port()).isNotEqualTo(5432);
        assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/mpauthx");
        assertThat(query(postgres, postgres.database(), "SELECT current_user")).isEqualTo(postgres.user());
    }

    @Test
    void theUserNeedsItsPasswordAndTheSuperuserNone(LocalPostgres postgres) throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl(), postgres.superuser(), "")) {
            assertThat(superuser.isValid(2)).isTrue();
        }
    }

    @Test
    void createdDatabasesAreNewEmptyAndTheUsers(LocalPostgres postgres) throws SQLException {
        String first = postgres.createDatabase();
        String second = postgres.createDatabase();

        assertThat(first).isNotEqualTo(second).isNotEqualTo(postgres.database());
        execute(postgres, first, "CREATE TABLE kept(id integer)");
        assertThat(query(postgres, second, "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'")).isEqualTo("0");
        assertThat(query(postgres, first, "SELECT tableowner FROM pg_tables WHERE tablename = 'kept'"))
                .isEqualTo(postgres.user());
    }

    @Test
    void stoppedServerStartsAgainOnTheSamePortWithItsData(LocalPostgres postgres) throws SQLException {
        String database = postgres.createDatabase();
        execute(postgres, database, "CREATE TABLE kept(id integer)", "INSERT INTO kept VALUES (7)");
        int port = postgres.port();

        postgres.stop();
        assertThat(postgres.isRunning()).isFalse();
        assertThat(postgres.acceptsConnections()).isFalse();
        postgres.stop();

        postgres.start();
        assertThat(postgres.port()).isEqualTo(port);
        assertThat(query(postgres, database, "SELECT id FROM kept")).isEqualTo("7");
    }

    @Test
    void crashedServerRecoversEveryCommittedRow(LocalPostgres postgres) throws SQLException {
        String database = postgres.createDatabase();
        execute(postgres, database, "CREATE TABLE kept(id integer)",
                "INSERT INTO kept SELECT generate_series(1, 1000)");

        postgres.crash();
        assertThat(postgres.isRunning()).isFalse();
        assertThat(postgres.acceptsConnections()).isFalse();

        postgres.start();
        assertThat(query(postgres, database, "SELECT count(*) FROM kept")).isEqualTo("1000");
    }

    @Test
    void theBinariesShippedInEmbeddedPostgresRunWhenNoneAreOnThePath() throws SQLException {
        LocalPostgres shipped = LocalPostgres.startOnFreePort(PostgresBinaries.shipped());
        try {
            assertThat(shipped.binaries()).isEqualTo(PostgresBinaries.shipped().directory());
            assertThat(query(shipped, shipped.database(), "SHOW server_version")).startsWith("14.");
        } finally {
            shipped.close();
        }
        assertThat(shipped.acceptsConnections()).isFalse();
        assertThatThrownBy(shipped::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pathIsPreferredOverTheShippedBinariesUnlessAPropertyChoosesThem() {
        String chosen = System.clearProperty(PostgresBinaries.PROPERTY);
        try {
            assertThat(PostgresBinaries.locate())
                    .isEqualTo(PostgresBinaries.onPath().orElseGet(PostgresBinaries::shipped));
            System.setProperty(PostgresBinaries.PROPERTY, "shipped");
            assertThat(PostgresBinaries.locate()).isEqualTo(PostgresBinaries.shipped());
            System.setProperty(PostgresBinaries.PROPERTY, PostgresBinaries.shipped().directory().toString());
            assertThat(PostgresBinaries.locate()).isEqualTo(PostgresBinaries.shipped());
        } finally {
            if (chosen == null) {
                System.clearProperty(PostgresBinaries.PROPERTY);
            } else {
                System.setProperty(PostgresBinaries.PROPERTY, chosen);
            }
        }
    }

    private static void execute(LocalPostgres postgres, String database, String... statements) throws SQLException {
        try (Connection connection = connect(postgres, database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(LocalPostgres postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
        }
    }

    private static Connection connect(LocalPostgres postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }
}
