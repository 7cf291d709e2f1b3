package io.mpauthx.bootstrap;

import io.mpauthx.adapter.postgres.PostgresSettings;
import io.mpauthx.domain.MpAuthXException;

import java.util.List;
import javax.sql.DataSource;

/**
 * The builder's PostgreSQL options: a JDBC URL with user and password (a pool mpauthx owns) or the application's
 * {@link DataSource}, and the schema, which may come before or after either.
 */
final class PostgresOptions {

    private String jdbcUrl;
    private String user;
    private String password;
    private DataSource dataSource;
    private String schema = PostgresSettings.DEFAULT_SCHEMA;

    void connect(String url, String user, String password) {
        this.jdbcUrl = url;
        this.user = user;
        this.password = password;
        this.dataSource = null;
    }

    void dataSource(DataSource applicationPool) {
        this.dataSource = applicationPool;
        this.jdbcUrl = null;
        this.user = null;
        this.password = null;
    }

    void schema(String name) {
        this.schema = name;
    }

    /**
     * Validates the settings now; the pool connects when the facade is built.
     *
     * @param problems where a problem with the settings is added
     * @return the choice, or null after adding a problem
     */
    UserStoreChoice.Postgres choice(List<String> problems) {
        try {
            PostgresSettings.Builder settings = PostgresSettings.builder().schema(schema);
            if (dataSource != null) {
                settings.dataSource(dataSource);
            } else {
                // an empty password means none, as an unset environment variable does
                settings.jdbcUrl(jdbcUrl).user(user).password(password == null || password.isEmpty() ? null : password);
            }
            return new UserStoreChoice.Postgres(settings.build());
        } catch (MpAuthXException invalid) {
            problems.add("postgres: " + invalid.reason());
            return null;
        }
    }
}
