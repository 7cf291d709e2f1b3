package io.mpauthx.cli;

import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving the users of one machine (a SQLite file, the Node.js original's) into the PostgreSQL every instance shares,
 * and listing them there: real files, a real PostgreSQL server, the command line run in-process.
 */
@ExtendWith(PostgresServerExtension.class)
class PostgresCommandsIT {

    private static final String ORIGINAL_DDL = "CREATE TABLE user(openId text primary key not null, city text, "
            + "country text, gender integer, language text, nickName text, province text)";

    @TempDir
    Path folder;

    private final LocalPostgres postgres;
    private final String jdbcUrl;
    private final CapturedCli cli;

    PostgresCommandsIT(LocalPostgres postgres) {
        this.postgres = postgres;
        this.jdbcUrl = postgres.jdbcUrl(postgres.createDatabase());
        Map<String, String> environment = Map.of(UserDatabases.ENV_USER, postgres.user(),
                UserDatabases.ENV_PASSWORD, postgres.password());
        this.cli = new CapturedCli(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == UsersCommand.class) {
                    return type.cast(new UsersCommand(environment));
                }
                return type == ImportUsersCommand.class ? type.cast(new ImportUsersCommand(environment))
                        : CommandLine.defaultFactory().create(type);
            }
        });
    }

    private Path originalDatabase() throws SQLException {
        Path file = folder.resolve("node-users.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute(ORIGINAL_DDL);
            statement.execute("INSERT INTO user(openId) VALUES ('oCodeOnly')");
            statement.execute("INSERT INTO user(openId, nickName, gender, city, country) "
                    + "VALUES ('oMei', 'Mei', 2, 'Hangzhou', 'China')");
            statement.execute("INSERT INTO user(openId, nickName) VALUES ('uUnion', 'O''Brien %_')");
        }
        return file;
    }

    @Test
    void anOriginalDatabaseIsCopiedOnceAndASecondRunChangesNothingAndTheSourceStaysAsItWas() throws Exception {
        Path source = originalDatabase();
        SqliteFileState before = SqliteFileState.of(source);

        int first = cli.run("import-users", "--from", "sqlite:" + source, "--to", "postgres:" + jdbcUrl);
        String firstReport = cli.out();
        int second = cli.run("import-users", "--from", "sqlite:" + source, "--to", "postgres:" + jdbcUrl);

        assertThat(first).as(firstReport + cli.err()).isZero();
        assertThat(firstReport).contains("copied 3, updated 0, skipped 0");
        assertThat(second).isZero();
        assertThat(cli.out()).contains("copied 0, updated 0, skipped 3");
        assertThat(SqliteFileState.of(source)).as("the source is only read").isEqualTo(before);
        assertThat(nickNameIn("oMei")).isEqualTo("Mei");
        assertThat(nickNameIn("uUnion")).isEqualTo("O'Brien %_");
        assertThat(count("SELECT count(*) FROM \"user\"")).isEqualTo(3);
    }

    @Test
    void aChangedSourceUpdatesOnlyTheUsersThatChanged() throws Exception {
        Path source = originalDatabase();
        cli.run("import-users", "--from", "sqlite:" + source, "--to", "postgres:" + jdbcUrl);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE user SET nickName = 'Mei Mei' WHERE openId = 'oMei'");
        }

        assertThat(cli.run("import-users", "--from", "sqlite:" + source, "--to", "postgres:" + jdbcUrl)).isZero();

        assertThat(cli.out()).contains("copied 0, updated 1, skipped 2");
        assertThat(nickNameIn("oMei")).isEqualTo("Mei Mei");
    }

    @Test
    void usersInPostgresAreListedWithoutChangingAnything() throws Exception {
        cli.run("import-users", "--from", "sqlite:" + originalDatabase(), "--to", "postgres:" + jdbcUrl);
        long historyBefore = count("SELECT count(*) FROM mpauthx_schema_history");

        assertThat(cli.run("users", "--postgres", jdbcUrl)).as(cli.err()).isZero();

        assertThat(cli.out()).contains("oCodeOnly", "oMei", "Hangzhou", "3 user(s) shown")
                .doesNotContain(postgres.password());
        assertThat(count("SELECT count(*) FROM mpauthx_schema_history")).isEqualTo(historyBefore);
    }

    @Test
    void aLocationThatIsNeitherIsRefusedClearly() {
        assertThat(cli.run("import-users", "--from", "mysql://db/users", "--to", "postgres:" + jdbcUrl)).isEqualTo(2);
        assertThat(cli.err()).contains("sqlite:FILE or postgres:jdbc:postgresql://host:port/database");
    }

    private String nickNameIn(String openId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT \"nickName\" FROM \"user\" WHERE \"openId\" = ?")) {
            query.setString(1, openId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
