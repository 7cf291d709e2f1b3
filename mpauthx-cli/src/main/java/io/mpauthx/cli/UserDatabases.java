package io.mpauthx.cli;

import io.mpauthx.adapter.postgres.PostgresAdapters;
import io.mpauthx.adapter.postgres.PostgresSettings;
import io.mpauthx.adapter.sqlite.SqliteAdapters;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.UserRepository;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an admin command finds users: {@code sqlite:FILE}, or {@code postgres:jdbc:postgresql://host:port/database}
 * (also written {@code postgres://host:port/database}). PostgreSQL's user, password and schema come from the
 * environment the library itself reads ({@code MPAUTHX_POSTGRES_USER}, {@code MPAUTHX_POSTGRES_PASSWORD},
 * {@code MPAUTHX_POSTGRES_SCHEMA}): a password given on the command line would show in the process list.
 */
final class UserDatabases {

    static final String ENV_USER = "MPAUTHX_POSTGRES_USER";
    static final String ENV_PASSWORD = "MPAUTHX_POSTGRES_PASSWORD";
    static final String ENV_SCHEMA = "MPAUTHX_POSTGRES_SCHEMA";
    private static final String SQLITE = "sqlite:";
    private static final String POSTGRES = "postgres:";

    private final Map<String, String> environment;

    UserDatabases(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Opened for reading only: nothing is migrated or changed, whatever the location holds. */
    UserRepository openReadOnly(String location) {
        return isSqlite(location) ? SqliteAdapters.readOnlyUserRepository(Path.of(location.substring(SQLITE.length())))
                : PostgresAdapters.readOnlyUserRepository(postgres(location));
    }

    /** Opened as the library opens it: created and migrated when needed. */
    UserRepository openForWriting(String location) {
        return isSqlite(location) ? SqliteAdapters.userRepository(Path.of(location.substring(SQLITE.length())))
                : PostgresAdapters.userRepository(postgres(location));
    }

    /** @return a {@code postgres:} location for a JDBC URL */
    static String postgresLocation(String jdbcUrl) {
        return POSTGRES + jdbcUrl;
    }

    private static boolean isSqlite(String location) {
        if (location.startsWith(SQLITE)) {
            return true;
        }
        if (location.startsWith(POSTGRES)) {
            return false;
        }
        throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "a user database is named "
                + "sqlite:FILE or postgres:jdbc:postgresql://host:port/database");
    }

    private PostgresSettings postgres(String location) {
        String url = location.substring(POSTGRES.length());
        String jdbcUrl = url.startsWith("//") ? "jdbc:postgresql:" + url : url;
        PostgresSettings.Builder settings = PostgresSettings.builder().jdbcUrl(jdbcUrl)
                .user(environment.get(ENV_USER));
        String password = environment.get(ENV_PASSWORD);
        if (password != null && !password.isEmpty()) {
            settings.password(password);
        }
        String schema = environment.get(ENV_SCHEMA);
        if (schema != null && !schema.isBlank()) {
            settings.schema(schema);
        }
        return settings.build();
    }
}
