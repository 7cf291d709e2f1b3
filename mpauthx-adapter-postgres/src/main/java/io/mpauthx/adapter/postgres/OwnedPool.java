package io.mpauthx.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;

/**
 * The HikariCP pool mpauthx opens for a JDBC URL, and closes with the repository. It connects once while being
 * created, so a wrong address, password or database fails the opening at once; afterwards it replaces connections
 * a failure showed broken, so calls succeed again as soon as the server is back.
 */
final class OwnedPool {

    private static final String POOL_NAME = "mpauthx-postgres";
    /** HikariCP's floor for the time a caller waits for a connection. */
    private static final long LEAST_WAIT_MILLIS = 250;
    /** Checking an idle connection before handing it out never needs more than this. */
    private static final Duration LONGEST_VALIDATION = Duration.ofSeconds(5);

    private OwnedPool() {
    }

    /**
     * @param settings settings with a JDBC URL
     * @return the open pool, holding one connection
     * @throws RuntimeException HikariCP's, when the first connection fails; the driver's exception is its cause
     */
    static HikariDataSource open(PostgresSettings settings) {
        return open(settings, false);
    }

    /** @param readOnly true for connections PostgreSQL lets read only: admin tools that must change nothing */
    static HikariDataSource open(PostgresSettings settings, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setReadOnly(readOnly);
        if (readOnly) {
            // the driver makes only transactions read-only by default; "always" covers auto-commit statements too
            config.addDataSourceProperty("readOnlyMode", "always");
        }
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(settings.jdbcUrl().orElseThrow());
        settings.user().ifPresent(config::setUsername);
        if (settings.hasPassword()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maximumPoolSize());
        long waitMillis = Math.max(LEAST_WAIT_MILLIS, settings.connectTimeout().toMillis());
        config.setConnectionTimeout(waitMillis);
        config.setValidationTimeout(Math.min(waitMillis, LONGEST_VALIDATION.toMillis()));
        // one attempt while opening: a wrong password or database is final, and an absent server should not make
        // the application's start wait out more than one connect timeout
        config.setInitializationFailTimeout(1);
        // as text: the driver reads its properties with Properties.getProperty, which overlooks any other value
        config.addDataSourceProperty("connectTimeout", wholeSeconds(settings.connectTimeout()));
        config.addDataSourceProperty("loginTimeout", wholeSeconds(settings.connectTimeout()));
        config.addDataSourceProperty("socketTimeout", wholeSeconds(settings.socketTimeout()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "mpauthx");
        return new HikariDataSource(config);
    }

    /** The driver counts its timeouts in whole seconds, and 0 would mean none. */
    private static String wholeSeconds(Duration timeout) {
        long seconds = timeout.toSeconds() + (timeout.toNanosPart() > 0 ? 1 : 0);
        return Long.toString(Math.min(Integer.MAX_VALUE, Math.max(1, seconds)));
    }
}
