package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Where the PostgreSQL user database is and how to reach it: immutable, validated once by {@link Builder#build()}.
 * Either a JDBC URL with a user and password, through a connection pool mpauthx owns and closes, or an
 * application's own {@link DataSource}, which mpauthx uses as it is and never closes. The password is never shown
 * by {@link #toString()}, nor in any message or log line of the adapter.
 *
 * <pre>{@code
 * PostgresSettings owned = PostgresSettings.builder()
 *         .jdbcUrl("jdbc:postgresql://db.internal:5432/app")
 *         .user("mpauthx")
 *         .password(System.getenv("MPAUTHX_POSTGRES_PASSWORD"))
 *         .schema("mpauthx")
 *         .build();
 * PostgresSettings shared = PostgresSettings.of(applicationDataSource);
 * }</pre>
 */
public final class PostgresSettings {

    /** The PostgreSQL schema holding the tables unless configured otherwise. */
    public static final String DEFAULT_SCHEMA = "public";
    /** The most connections the owned pool opens, unless configured otherwise. */
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;
    /** How long connecting (and a call waiting for a connection) may take, unless configured otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a call waits for the server's answer, unless configured otherwise. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Opening holds three connections at once: one keeps other instances from migrating at the same time, and
     * Flyway migrates on one of its own beside the one holding its lock.
     */
    private static final int LEAST_POOL_SIZE = 3;
    /** Lower case, so that the quoted name is the one {@code psql} users type unquoted; {@code pg_} is reserved. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("(?!pg_)[a-z_][a-z0-9_]{0,62}");
    /** {@code user:password@} in a URL's authority, as libpq's {@code postgresql://} URIs carry them. */
    private static final Pattern USER_INFO = Pattern.compile("[^/]*//[^/?#]*@");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    private final String schema;
    private final int maximumPoolSize;
    private final Duration connectTimeout;
    private final Duration socketTimeout;

    private PostgresSettings(Builder builder) {
        this.jdbcUrl = builder.jdbcUrl;
        this.user = builder.user;
        this.password = builder.password;
        this.dataSource = builder.dataSource;
        this.schema = builder.schema;
        this.maximumPoolSize = Objects.requireNonNullElse(builder.maximumPoolSize, DEFAULT_MAXIMUM_POOL_SIZE);
        this.connectTimeout = Objects.requireNonNullElse(builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        this.socketTimeout = Objects.requireNonNullElse(builder.socketTimeout, DEFAULT_SOCKET_TIMEOUT);
    }

    /** @return a builder with every default set and no connection */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL, without a password
     * @param user the user to log in as; null for the URL's
     * @param password the user's password; null for none
     * @return settings with every other default, for a pool mpauthx owns
     * @throws MpAuthXException 6001 when the URL is no PostgreSQL JDBC URL or carries a password
     */
    public static PostgresSettings of(String jdbcUrl, String user, String password) {
        return builder().jdbcUrl(jdbcUrl).user(user).password(password).build();
    }

    /**
     * @param dataSource the application's connections to PostgreSQL; never closed by mpauthx
     * @return settings with the default schema
     */
    public static PostgresSettings of(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /** @return the JDBC URL, unless the settings use an application's {@link DataSource} */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    /** @return the user given beside the JDBC URL, if any */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** @return true if a password was given */
    public boolean hasPassword() {
        return password != null;
    }

    /** @return the application's connections, if the settings use them instead of a JDBC URL */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /** @return the PostgreSQL schema holding the {@code user} table and the migration history */
    public String schema() {
        return schema;
    }

    /** @return the most connections the owned pool opens */
    public int maximumPoolSize() {
        return maximumPoolSize;
    }

    /** @return how long connecting, and a call waiting for a free connection, may take */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long a call waits for the server's answer before it fails and its connection is dropped */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    /** Only the pool reads it; package-private so that no caller prints it by accident. */
    String password() {
        return password;
    }

    /** @return the settings, the password masked */
    @Override
    public String toString() {
        String where = dataSource != null ? "dataSource=" + dataSource.getClass().getName()
                : "jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", maximumPoolSize=" + maximumPoolSize + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout;
        return "PostgresSettings[" + where + ", schema=" + schema + "]";
    }

    /** Builds {@link PostgresSettings}; not thread-safe, cheap to create. */
    public static final class Builder {

        private String jdbcUrl;
        private String user;
        private String password;
        private DataSource dataSource;
        private String schema = DEFAULT_SCHEMA;
        private Integer maximumPoolSize;
        private Duration connectTimeout;
        private Duration socketTimeout;

        private Builder() {
        }

        /**
         * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL (several {@code host:port} pairs and
         *     driver parameters such as {@code sslmode} allowed), without a password; instead of a DataSource
         * @return this builder
         */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /**
         * @param user the user to log in as; null for the one the URL names
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * @param password the user's password; null or empty for none (trust, certificate or peer login)
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password == null || password.isEmpty() ? null : password;
            return this;
        }

        /**
         * @param dataSource the application's connections to PostgreSQL, used as they are (pool size and timeouts
         *     are the application's) and never closed by mpauthx; instead of a JDBC URL
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * @param schema the PostgreSQL schema for the {@code user} table and the migration history, created when
         *     missing: lower-case letters, digits and {@code _}, not starting with a digit or {@code pg_}
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * @param maximumPoolSize the most connections the owned pool opens, at least 3
         * @return this builder
         */
        public Builder maximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
            return this;
        }

        /**
         * @param connectTimeout how long connecting may take (whole seconds, rounded up), and how long a call waits
         *     for a free connection: while the server is away, calls fail with 6000 after about this long
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * @param socketTimeout how long a call waits for the server's answer (whole seconds, rounded up) before it
         *     fails with 6000 and its connection is dropped: what bounds a call to a server gone silent
         * @return this builder
         */
        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
            return this;
        }

        /**
         * @return the settings
         * @throws MpAuthXException 6001 naming every setting that is missing or wrong (never a password)
         */
        public PostgresSettings build() {
            List<String> problems = new ArrayList<>();
            if ((jdbcUrl == null) == (dataSource == null)) {
                problems.add("give either a JDBC URL, such as jdbc:postgresql://127.0.0.1:5432/app, or a "
                        + "DataSource, not both");
            } else if (jdbcUrl != null) {
                validateUrl(jdbcUrl, problems);
            } else if (user != null || password != null || maximumPoolSize != null || connectTimeout != null
                    || socketTimeout != null) {
                problems.add("user, password, pool size and timeouts belong to the pool mpauthx owns for a JDBC "
                        + "URL; an application's DataSource brings its own");
            }
            if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
                problems.add("the schema name must be 1 to 63 lower-case letters, digits or _, not starting with a "
                        + "digit or pg_: " + schema);
            }
            if (maximumPoolSize != null && maximumPoolSize < LEAST_POOL_SIZE) {
                problems.add("the pool needs at least " + LEAST_POOL_SIZE
                        + " connections (opening holds three while it migrates), got " + maximumPoolSize);
            }
            requirePositive("connect timeout", connectTimeout, problems);
            requirePositive("socket timeout", socketTimeout, problems);
            if (!problems.isEmpty()) {
                throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, String.join("; ", problems));
            }
            return new PostgresSettings(this);
        }

        private static void validateUrl(String jdbcUrl, List<String> problems) {
            if (USER_INFO.matcher(jdbcUrl).lookingAt()) {
                // checked before the driver parses it: the driver logs the text after ':' as a wrong port number
                problems.add("the JDBC URL carries credentials before '@', which the PostgreSQL driver does not "
                        + "read; give user and password on their own");
            } else if (!jdbcUrl.startsWith("jdbc:postgresql:") || ServerAddress.of(jdbcUrl, null).isEmpty()) {
                // the URL is not repeated: a malformed one may hold a password where a parser did not expect it
                problems.add("not a PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database");
            } else if (ServerAddress.carriesPassword(jdbcUrl)) {
                problems.add("the JDBC URL carries a password parameter; give the password on its own, since URLs "
                        + "end up in logs and messages");
            }
        }

        private static void requirePositive(String what, Duration timeout, List<String> problems) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                problems.add("the PostgreSQL " + what + " must be positive, got " + timeout);
            }
        }
    }
}
