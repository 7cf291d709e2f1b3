package io.mpauthx.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The database's connections: a pool of our own (closed with the last store using it) or the application's
 * DataSource (never closed by us). The user and token stores each hold a {@linkplain #share() share} of it. Every call borrows a connection for one statement, so a connection lost with the server fails one
 * call, and the next call gets a new one. Every failure leaves here as {@link MpAuthXException} 6000 naming the
 * servers and database, never a password, and is logged once.
 */
final class PostgresDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

    /** Work on a connection; its {@link SQLException} becomes a 6000 failure. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final DataSource connections;
    /** Null when the connections are the application's. */
    private final HikariDataSource ownedPool;
    private final String name;
    private final String schema;
    /** What the stores of this handle keep there, for messages: {@code user} or {@code token}. */
    private final String kind;
    /** The open handles on the owned pool, shared by every handle of it: the last to close closes the pool. */
    private final AtomicInteger holders;
    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile String userColumns = String.join(", ", PostgresSchema.CURRENT_COLUMNS);

    private PostgresDatabase(DataSource connections, HikariDataSource ownedPool, String name, String schema) {
        this(connections, ownedPool, name, schema, "user", new AtomicInteger(1));
    }

    private PostgresDatabase(DataSource connections, HikariDataSource ownedPool, String name, String schema,
                             String kind, AtomicInteger holders) {
        this.connections = connections;
        this.ownedPool = ownedPool;
        this.name = name;
        this.schema = schema;
        this.kind = kind;
        this.holders = holders;
    }

    /**
     * Another handle on the same connections, for another store: closing either leaves the other working, and an
     * owned pool closes with the last handle.
     *
     * @param storeKind what that store keeps, for its messages: {@code user} or {@code token}
     * @throws MpAuthXException 6000 when this handle is closed
     */
    PostgresDatabase share(String storeKind) {
        refuseWhenClosed();
        holders.incrementAndGet();
        PostgresDatabase shared = new PostgresDatabase(connections, ownedPool, name, schema, storeKind, holders);
        shared.userColumns = userColumns;
        return shared;
    }

    /**
     * @return the connections the pool mpauthx owns holds open now; 0 with the application's own {@code DataSource},
     *     whose pool reports its connections itself
     */
    int openConnections() {
        return ownedPool == null || ownedPool.getHikariPoolMXBean() == null ? 0
                : ownedPool.getHikariPoolMXBean().getTotalConnections();
    }

    /** @return the connections, for a connection held apart from the pool's turns (the near cache's listener) */
    DataSource connections() {
        return connections;
    }

    /** @return what the failure messages call the database, never with a password */
    String name() {
        return name;
    }

    /**
     * Connects and migrates the schema.
     *
     * @throws MpAuthXException 6000 naming the servers and database when connecting or migrating fails
     */
    static PostgresDatabase open(PostgresSettings settings) {
        if (settings.dataSource().isPresent()) {
            return openShared(settings.dataSource().get(), settings.schema());
        }
        String jdbcUrl = settings.jdbcUrl().orElseThrow();
        String name = ServerAddress.of(jdbcUrl, settings.user().orElse(null)).orElseThrow().toString();
        HikariDataSource pool;
        try {
            pool = OwnedPool.open(settings);
        } catch (RuntimeException e) {
            throw cannotOpen(name, e);
        }
        return migrated(new PostgresDatabase(pool, pool, name, settings.schema()));
    }

    /**
     * Connects read-only through a pool of its own, migrating nothing: every write is refused by the server.
     *
     * @throws MpAuthXException 6000 naming the servers and database when connecting fails, or when the schema holds
     *     no user table of mpauthx's current version
     */
    static PostgresDatabase openReadOnly(PostgresSettings settings) {
        String name = ServerAddress.of(settings.jdbcUrl().orElseThrow(), settings.user().orElse(null))
                .orElseThrow().toString();
        HikariDataSource pool;
        try {
            pool = OwnedPool.open(settings, true);
        } catch (RuntimeException e) {
            throw cannotOpen(name, e);
        }
        PostgresDatabase database = new PostgresDatabase(pool, pool, name, settings.schema());
        try {
            database.userColumns = PostgresSchema.readableColumns(pool, settings.schema());
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw cannotOpen(name + ", schema " + settings.schema(), e);
        }
    }

    private static PostgresDatabase openShared(DataSource dataSource, String schema) {
        String name = "the application's DataSource";
        try (Connection connection = dataSource.getConnection()) {
            name = ServerAddress.of(connection.getMetaData().getURL(), connection.getMetaData().getUserName())
                    .map(ServerAddress::toString).orElse(name);
        } catch (SQLException | RuntimeException e) {
            throw cannotOpen(name, e);
        }
        return migrated(new PostgresDatabase(dataSource, null, name, schema));
    }

    private static PostgresDatabase migrated(PostgresDatabase database) {
        try {
            int applied = PostgresSchema.migrate(database.connections, database.schema);
            LOG.debug("PostgreSQL user {} open, schema {}, {} migration(s) applied", database.name,
                    database.schema, applied);
            return database;
        } catch (SQLException | RuntimeException e) { // Flyway's exceptions are unchecked
            database.close();
            throw cannotOpen(database.name + ", schema " + database.schema, e);
        }
    }

    /** @return what reads of the user table select: its columns, or stand-ins for those the original lacks */
    String userColumns() {
        return userColumns;
    }

    /** @return the schema holding the tables */
    String schema() {
        return schema;
    }

    /**
     * Runs the work on a borrowed connection. On a connection that does not commit by itself (an application's
     * DataSource may hand those out) it commits the work, or rolls it back when it failed.
     *
     * @param action what the work does, for the failure message
     * @throws MpAuthXException 6000 when no connection came, or the work failed
     */
    <T> T call(String action, Work<T> work) {
        refuseWhenClosed();
        try {
            return onBorrowedConnection(action, work, true);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /**
     * Runs the work as one transaction on a borrowed connection: committed when it returns, rolled back when it
     * throws. A connection the server dropped gets the work a second try, as {@link #call} does.
     *
     * @param action what the work does, for the failure message
     * @throws MpAuthXException 6000 when no connection came, or the work failed
     */
    <T> T transaction(String action, Work<T> work) {
        return call(action, connection -> {
            if (!connection.getAutoCommit()) {
                return work.on(connection); // call commits it
            }
            connection.setAutoCommit(false);
            try {
                return inTransaction(connection, work);
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /**
     * A connection the server dropped (it restarted, failed over, or ended the session) gets the work a second try
     * on another, with the pool's other connections thrown away first: they are likely gone too, and the pool
     * hands out one used less than half a second ago without checking it. Every statement of the repository may
     * run twice (an upsert, an insert of nothing when present, a read), so the second try is safe even when the
     * first was committed and only its answer lost.
     */
    private <T> T onBorrowedConnection(String action, Work<T> work, boolean firstTry) throws SQLException {
        Connection connection = connections.getConnection();
        try (connection) {
            return connection.getAutoCommit() ? work.on(connection) : inTransaction(connection, work);
        } catch (SQLException e) {
            if (!firstTry || !isLostConnection(e)) {
                throw e;
            }
            LOG.debug("PostgreSQL {} {}: {} met a connection the server dropped ({}); trying once more", kind,
                    name, action, e.getSQLState());
            if (ownedPool != null) {
                ownedPool.getHikariPoolMXBean().softEvictConnections();
            }
            return onBorrowedConnection(action, work, false);
        }
    }

    /** SQLSTATE class 08 (connection exception), or the server shutting down or not yet accepting sessions. */
    private static boolean isLostConnection(SQLException failure) {
        String state = String.valueOf(failure.getSQLState());
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        try {
            T result = work.on(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    private void refuseWhenClosed() {
        if (closed.get()) {
            throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                    "the PostgreSQL " + kind + " " + name + " is closed");
        }
    }

    private MpAuthXException failure(String action, SQLException cause) {
        LOG.warn("PostgreSQL {} {}: {} failed: {}", kind, name, action, reason(cause));
        LOG.debug("PostgreSQL {} {}: {} failed", kind, name, action, cause);
        return new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                "PostgreSQL " + kind + " " + name + ": " + action + " failed: " + reason(cause), cause);
    }

    private static MpAuthXException cannotOpen(String name, Exception cause) {
        LOG.error("Cannot open the PostgreSQL user {}: {}", name, reason(cause));
        LOG.debug("Cannot open the PostgreSQL user {}", name, cause);
        return new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR,
                "cannot open the PostgreSQL user " + name + ": " + reason(cause), cause);
    }

    /**
     * The first line of the message, and of the driver's message beneath it when that adds something: HikariCP's
     * "connection not available" wraps the driver's reason (which names the server), and Flyway's messages run over
     * many lines.
     */
    static String reason(Throwable failure) {
        Throwable detail = failure;
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            detail = cause;
            if (cause instanceof SQLException) {
                break;
            }
        }
        String outer = firstLine(failure);
        String inner = firstLine(detail);
        return outer.contains(inner) ? outer : outer + " (" + inner + ")";
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).strip();
        int lineEnd = message.indexOf('\n');
        return lineEnd < 0 ? message : message.substring(0, lineEnd).strip();
    }

    /**
     * Closes this handle, and the owned pool when no other handle is open; an application's DataSource is left
     * open. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (holders.decrementAndGet() == 0 && ownedPool != null) {
            ownedPool.close();
        }
        LOG.debug("PostgreSQL {} {} closed", kind, name);
    }
}
