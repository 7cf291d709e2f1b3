package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NearCacheSettings;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.cache.NearCache;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The near cache's channel: one connection of the store's pool that {@code LISTEN}s on
 * {@value PostgresTokenStore#CHANNEL}, on which every instance's store names the owner of each write that may end a
 * live token (delivered when the write commits). A thread of its own waits for notifications and
 * {@linkplain NearCache#invalidate voids} the named owners' answers.
 *
 * <p><b>Heartbeat.</b> Every heartbeat interval the thread sends {@code SELECT 1} on the same connection. PostgreSQL
 * delivers the notifications owed to a session before it answers the session's next command, and the thread applies
 * those before it {@linkplain NearCache#confirmed confirms} the channel: answers are served only until the heartbeat
 * bound after the last confirmed heartbeat was sent.
 *
 * <p><b>A lost channel.</b> When the connection fails (the server ended the session, restarted, or the link broke)
 * the cache {@linkplain NearCache#trackingLost() forgets everything} before the thread does anything else; the thread
 * then opens a new connection and {@code LISTEN}s again, and the cache serves again once the server confirms that.
 * A connection that goes silent without failing is found by a watchdog: once no heartbeat has been confirmed within
 * the bound the cache is cleared, and after three such checks in a row the connection is aborted, which makes the
 * thread replace it.
 */
final class TokenChangeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TokenChangeListener.class);
    private static final int SILENT_CHECKS_BEFORE_ABORT = 3;

    private final PostgresDatabase database;
    private final NearCache cache;
    private final long intervalNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean lostLogged = new AtomicBoolean();
    private final AtomicInteger silentChecks = new AtomicInteger();
    private final ScheduledExecutorService watchdog;
    private final Thread listening;
    private volatile Connection connection;

    private TokenChangeListener(PostgresDatabase database, NearCache cache, NearCacheSettings settings) {
        this.database = database;
        this.cache = cache;
        this.intervalNanos = settings.heartbeatInterval().toNanos();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(work -> daemon(work, "watchdog"));
        this.listening = daemon(this::listen, "listener");
    }

    /**
     * Listens before returning, so that a database that cannot be listened to fails the opening.
     *
     * @throws MpAuthXException 6000 naming the database when the first {@code LISTEN} fails
     */
    static TokenChangeListener start(PostgresDatabase database, NearCache cache, NearCacheSettings settings) {
        TokenChangeListener listener = new TokenChangeListener(database, cache, settings);
        try {
            listener.connect();
        } catch (SQLException e) {
            listener.close();
            throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "the near cache cannot LISTEN on PostgreSQL "
                    + database.name() + ": " + PostgresDatabase.reason(e), e);
        }
        listener.listening.start();
        listener.watchdog.scheduleAtFixedRate(listener::checkConfirmed, listener.intervalNanos,
                listener.intervalNanos, TimeUnit.NANOSECONDS);
        return listener;
    }

    private void listen() {
        while (!closed.get()) {
            try {
                if (connection == null) {
                    connect();
                    if (lostLogged.compareAndSet(true, false)) {
                        LOG.info("the near cache listens on PostgreSQL {} again; it serves answers again",
                                database.name());
                    }
                }
                waitAndConfirm(connection);
            } catch (SQLException | RuntimeException failure) {
                lost(failure);
                if (!closed.get()) {
                    LockSupport.parkNanos(intervalNanos); // the server may be restarting: retry at the heartbeat's pace
                }
            }
        }
        Connection left = connection;
        if (left != null) {
            // the pool may hand it to others (an application's DataSource): it must not go on collecting notifications
            try (Statement unlisten = left.createStatement()) {
                unlisten.execute("UNLISTEN *");
            } catch (SQLException | RuntimeException ignored) {
                // a broken connection is thrown away by the pool
            }
            closeQuietly(left);
        }
    }

    /** Takes a connection and LISTENs on it; the cache serves once the server has answered. */
    private void connect() throws SQLException {
        Connection opened = database.connections().getConnection();
        try {
            opened.setAutoCommit(true); // a session in a transaction gets its notifications only after it
            long untracked = cache.untrackedEpoch();
            long sent = System.nanoTime();
            try (Statement listen = opened.createStatement()) {
                listen.execute("LISTEN " + PostgresTokenStore.CHANNEL);
            }
            connection = opened;
            cache.trackingEnabled(untracked, sent);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    /** Waits up to one heartbeat interval for notifications, then confirms the channel with a round trip. */
    private void waitAndConfirm(Connection listeningOn) throws SQLException {
        PGConnection notifications = listeningOn.unwrap(PGConnection.class);
        apply(notifications.getNotifications((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(intervalNanos))));
        long untracked = cache.untrackedEpoch();
        long sent = System.nanoTime();
        try (Statement heartbeat = listeningOn.createStatement()) {
            heartbeat.execute("SELECT 1");
        }
        apply(notifications.getNotifications());
        // a cache cleared by the watchdog while this connection was only slow serves again: nothing was lost on it
        if (!cache.trackingEnabled(untracked, sent)) {
            cache.confirmed(sent);
        }
        silentChecks.set(0);
    }

    private void apply(PGNotification[] received) {
        if (received == null) {
            return;
        }
        for (PGNotification notification : received) {
            if (PostgresTokenStore.CHANNEL.equals(notification.getName())) {
                cache.invalidate(notification.getParameter());
            }
        }
    }

    /** The cache forgets everything first; then the connection goes. */
    private void lost(Exception failure) {
        cache.trackingLost();
        Connection dropped = connection;
        connection = null;
        if (dropped != null) {
            closeQuietly(dropped);
        }
        if (!closed.get() && lostLogged.compareAndSet(false, true)) {
            LOG.warn("the near cache lost its LISTEN connection to PostgreSQL {} ({}): the cache is cleared and "
                    + "serves nothing until it listens again", database.name(), PostgresDatabase.reason(failure));
        }
    }

    private void checkConfirmed() {
        if (!cache.isUnconfirmed() || !cache.isTracking() && connection == null) {
            return;
        }
        cache.trackingLost();
        if (silentChecks.incrementAndGet() >= SILENT_CHECKS_BEFORE_ABORT) {
            silentChecks.set(0);
            Connection silent = connection;
            if (silent != null) {
                LOG.warn("the near cache's LISTEN connection to PostgreSQL {} answered no heartbeat in time, {} "
                        + "times in a row: replacing it", database.name(), SILENT_CHECKS_BEFORE_ABORT);
                try {
                    silent.abort(Runnable::run); // wakes the listening thread, which then connects anew
                } catch (SQLException | RuntimeException ignored) {
                    // the thread finds out on its own within the socket timeout
                }
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // a connection that failed is thrown away either way
        }
    }

    private static Thread daemon(Runnable work, String role) {
        Thread thread = new Thread(work, "mpauthx-postgres-near-cache-" + role);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Stops the threads and returns the connection. The listening thread notices within one heartbeat interval and
     * returns the connection itself (aborting it under its feet would make the pool log it as broken); only a thread
     * stuck on a silent link is cut off by aborting its connection. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        watchdog.shutdownNow();
        try {
            listening.join(TimeUnit.NANOSECONDS.toMillis(2 * intervalNanos) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection open = connection;
        if (listening.isAlive() && open != null) {
            try {
                open.abort(Runnable::run); // ends a wait on a silent link at once
            } catch (SQLException | RuntimeException ignored) {
                closeQuietly(open);
            }
        }
    }
}
