package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresSettingsTest {

    private static final String URL = "jdbc:postgresql://db.internal:5433/app";
    private static final String PASSWORD = "s3cret-Pa55";

    @Test
    void defaultsAreNamedConstantsAndThePasswordNeverShows() {
        PostgresSettings settings = PostgresSettings.of(URL, "mpauthx", PASSWORD);

        assertThat(settings.jdbcUrl()).contains(URL);
        assertThat(settings.user()).contains("mpauthx");
        assertThat(settings.hasPassword()).isTrue();
        assertThat(settings.dataSource()).isEmpty();
        assertThat(settings.schema()).isEqualTo(PostgresSettings.DEFAULT_SCHEMA).isEqualTo("public");
        assertThat(settings.maximumPoolSize()).isEqualTo(PostgresSettings.DEFAULT_MAXIMUM_POOL_SIZE);
        assertThat(settings.connectTimeout()).isEqualTo(PostgresSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.socketTimeout()).isEqualTo(PostgresSettings.DEFAULT_SOCKET_TIMEOUT);
        assertThat(settings.toString()).contains(URL, "mpauthx", "****").doesNotContain(PASSWORD);
    }

    @Test
    void anEmptyPasswordIsNone() {
        assertThat(PostgresSettings.of(URL, "mpauthx", "").hasPassword()).isFalse();
        assertThat(PostgresSettings.of(URL, null, null).toString()).contains("password=none");
    }

    @Test
    void aUrlCarryingAPasswordIsRefusedWithoutRepeatingIt() {
        for (String url : new String[] {URL + "?password=" + PASSWORD, URL + "?sslmode=require&sslpassword=" + PASSWORD}) {
            assertThatThrownBy(() -> PostgresSettings.of(url, "mpauthx", null))
                    .isInstanceOf(MpAuthXException.class)
                    .hasMessageContaining("password")
                    .hasMessageNotContaining(PASSWORD);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "postgres://db/app", "jdbc:mysql://db/app", "jdbc:postgresql://db:notaport/app"})
    void anythingButAPostgresJdbcUrlIsRefused(String url) {
        assertThatThrownBy(() -> PostgresSettings.of(url, "mpauthx", null))
                .isInstanceOf(MpAuthXException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://mpauthx:" + PASSWORD + "@db/app",
            "postgresql://mpauthx:" + PASSWORD + "@db:5432/app"})
    void credentialsBeforeAnAtSignAreRefusedWithoutShowingThemAnywhere(String url) {
        java.util.logging.Logger driverLog = java.util.logging.Logger.getLogger("org.postgresql");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
                // kept in memory
            }

            @Override
            public void close() {
                // kept in memory
            }
        };
        driverLog.addHandler(capture);
        try {
            assertThatThrownBy(() -> PostgresSettings.of(url, null, null))
                    .isInstanceOf(MpAuthXException.class)
                    .hasMessageContaining("credentials before '@'")
                    .hasMessageNotContaining(PASSWORD);
        } finally {
            driverLog.removeHandler(capture);
        }
        assertThat(logged).noneMatch(line -> line.contains(PASSWORD));
    }

    @Test
    void eitherAUrlOrADataSourceIsNeeded() {
        assertThatThrownBy(() -> PostgresSettings.builder().build()).isInstanceOf(MpAuthXException.class)
                .hasMessageContaining("either a JDBC URL");
        assertThatThrownBy(() -> PostgresSettings.builder().jdbcUrl(URL).dataSource(new NoDataSource()).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("not both");
    }

    @Test
    void aDataSourceBringsItsOwnCredentialsPoolAndTimeouts() {
        PostgresSettings settings = PostgresSettings.of(new NoDataSource());
        assertThat(settings.dataSource()).isPresent();
        assertThat(settings.jdbcUrl()).isEmpty();
        assertThat(settings.toString()).contains(NoDataSource.class.getName(), "schema=public");

        assertThatThrownBy(() -> PostgresSettings.builder().dataSource(new NoDataSource()).maximumPoolSize(4).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("application's DataSource");
        assertThatThrownBy(() -> PostgresSettings.builder().dataSource(new NoDataSource()).password(PASSWORD).build())
                .isInstanceOf(MpAuthXException.class).hasMessageNotContaining(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mpauthx", "_users", "shop_2", "a"})
    void lowerCaseSchemaNamesAreTaken(String schema) {
        assertThat(PostgresSettings.builder().jdbcUrl(URL).schema(schema).build().schema()).isEqualTo(schema);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Users", "2users", "pg_users", "my-schema", "a\"b", "public; DROP TABLE x",
            "a_very_long_schema_name_that_goes_past_the_sixty_three_characters_postgres_keeps"})
    void otherSchemaNamesAreRefusedNamingThem(String schema) {
        assertThatThrownBy(() -> PostgresSettings.builder().jdbcUrl(URL).schema(schema).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("schema name")
                .hasMessageEndingWith(": " + schema);
    }

    @Test
    void aPoolOfFewerThanThreeIsRefusedSinceOpeningTakesThreeConnections() {
        assertThatThrownBy(() -> PostgresSettings.builder().jdbcUrl(URL).maximumPoolSize(2).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("at least 3");
        assertThat(PostgresSettings.builder().jdbcUrl(URL).maximumPoolSize(3).build().maximumPoolSize()).isEqualTo(3);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> PostgresSettings.builder().jdbcUrl(URL).connectTimeout(Duration.ZERO).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> PostgresSettings.builder().jdbcUrl(URL).socketTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(MpAuthXException.class).hasMessageContaining("socket timeout");
    }

    /** A DataSource that is never asked for a connection: settings only hold it. */
    private static final class NoDataSource implements DataSource {
        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException("settings never connect");
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException("settings never connect");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // nothing to log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // never connects
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
