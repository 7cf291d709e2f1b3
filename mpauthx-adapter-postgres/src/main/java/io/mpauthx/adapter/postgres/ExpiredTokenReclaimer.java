package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired token rows in small batches, each its own short statement: a batch locks only the rows it deletes
 * (rows another instance's reclaimer holds are skipped), so checks, issues and revocations go on between and during
 * batches, and no sweep ever holds the table. Expired rows are never live whether reclaimed or not; reclaiming only
 * returns their space. Every instance runs one, on a daemon thread, at a jittered interval.
 */
final class ExpiredTokenReclaimer implements AutoCloseable {

    /** Rows per statement: a few milliseconds of work, so a check waiting on the same page never waits long. */
    static final int BATCH = 1_000;
    /** How often a pass runs; expired rows cost only disk between passes. */
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredTokenReclaimer.class);

    private final PostgresDatabase database;
    private final String deleteBatch;
    private final ScheduledExecutorService timer;

    private ExpiredTokenReclaimer(PostgresDatabase database, String table) {
        this.database = database;
        this.deleteBatch = "DELETE FROM " + table + " WHERE hash IN (SELECT hash FROM " + table
                + " WHERE expires_at <= clock_timestamp() LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)";
        this.timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "mpauthx-postgres-token-reclaimer");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ExpiredTokenReclaimer start(PostgresDatabase database, String table) {
        ExpiredTokenReclaimer reclaimer = new ExpiredTokenReclaimer(database, table);
        // jittered, so that instances started together do not all reclaim at the same moment
        long first = ThreadLocalRandom.current().nextLong(INTERVAL.toMillis());
        reclaimer.timer.scheduleWithFixedDelay(reclaimer::passQuietly, first, INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return reclaimer;
    }

    /**
     * Deletes expired rows batch by batch until a batch finds fewer than {@link #BATCH}.
     *
     * @return how many rows were deleted
     * @throws MpAuthXException 6000 when the database failed
     */
    long pass() {
        long deleted = 0;
        int batch;
        do {
            batch = database.call("reclaiming expired tokens", connection -> {
                try (PreparedStatement delete = connection.prepareStatement(deleteBatch)) {
                    return delete.executeUpdate();
                }
            });
            deleted += batch;
        } while (batch == BATCH && !Thread.currentThread().isInterrupted());
        return deleted;
    }

    private void passQuietly() {
        try {
            long deleted = pass();
            LOG.debug("reclaimed {} expired token rows", deleted);
        } catch (MpAuthXException failed) {
            // already logged by the database; the next pass tries again, and expired rows are never live meanwhile
        } catch (RuntimeException unexpected) {
            LOG.warn("reclaiming expired tokens failed; the next pass tries again", unexpected);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
