package io.mpauthx.spring;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.redis.LocalRedisServer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mpauthx.postgres.use-application-data-source}: users go to the application's own DataSource (a real
 * PostgreSQL), whose connections mpauthx never closes.
 */
class ApplicationDataSourceIT {

    @Test
    void usersLiveInTheApplicationsDatabase() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.startOnFreePort();
             LocalRedisServer redis = LocalRedisServer.startOnFreePort()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(postgres.jdbcUrl());
            dataSource.setUser(postgres.user());
            dataSource.setPassword(postgres.password());
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(MpAuthXAutoConfiguration.class))
                    .withBean(DataSource.class, () -> dataSource)
                    .withPropertyValues("mpauthx.app-id=wx-app", "mpauthx.app-secret=secret", "mpauthx.sku=shop",
                            "mpauthx.redis.uri=" + redis.uri(), "mpauthx.redis.command-timeout=2s",
                            "mpauthx.postgres.use-application-data-source=true")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(MpAuthX.class).findUser("oAnn")).isEmpty();
                    });
            assertThat(userTableIn(dataSource)).as("migrated into the application's database").isTrue();
        }
    }

    private static boolean userTableIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "select 1 from information_schema.tables where table_name = 'user'")) {
            return tables.next();
        }
    }
}
