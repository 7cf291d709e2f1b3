package io.mpauthx.adapter.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The positive answers of token checks, by token key, bounded in entries; thread-safe, no I/O. Redis keeps it
 * honest (see {@link TrackingConnection}): its invalidations {@link #invalidate} keys, and a lost tracking
 * connection {@link #trackingLost() ends the epoch}.
 *
 * <p><b>Epochs.</b> Answers are served only within the epoch they were read in, and only while tracking is on:
 * odd epochs are tracked, even ones are not. Losing tracking moves to the next even epoch <em>before</em> the
 * map is cleared, so an answer whose read began before the loss, and which lands after the clear, is never served.
 *
 * <p><b>Reads in flight.</b> A read first puts a placeholder for its key; its answer replaces exactly that
 * placeholder. An invalidation (or a local write) that arrives while the read is in flight removes the
 * placeholder, so the answer, possibly older than the change, is dropped instead of cached. Redis sends an
 * invalidation for a key after its reply to any earlier read of that key on the same connection.
 *
 * <p><b>Bound.</b> A counter reserves a slot before an entry is added, so the map never holds more than
 * {@code maxEntries}. When full, one thread at a time evicts a batch: stale entries, then entries in the map's
 * hash order (a random replacement; every entry is gone after the maximum staleness anyway). A check that finds
 * the cache full while another thread evicts is simply not cached.
 */
final class NearCache {

    private static final int EVICTION_BATCH_DIVISOR = 32;

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicLong epoch = new AtomicLong();
    private final ReentrantLock eviction = new ReentrantLock();
    private final int maxEntries;
    private final long maxStalenessNanos;
    private final LongSupplier nanoTime;

    NearCache(int maxEntries, Duration maxStaleness, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.nanoTime = nanoTime;
    }

    /** What the map holds for a key: a read in flight, or an answer. Compared by identity. */
    private abstract static sealed class Slot permits Pending, Live {
        final long epoch;

        Slot(long epoch) {
            this.epoch = epoch;
        }
    }

    /** A read of a key, begun at {@code startedNanos}; the ticket its caller hands back with the answer. */
    static final class Pending extends Slot {
        private final long startedNanos;

        private Pending(long epoch, long startedNanos) {
            super(epoch);
            this.startedNanos = startedNanos;
        }
    }

    private static final class Live extends Slot {
        private final long freshUntilNanos;

        private Live(long epoch, long freshUntilNanos) {
            super(epoch);
            this.freshUntilNanos = freshUntilNanos;
        }
    }

    /** @return true if the key is known live: read in this tracked epoch, within its expiry and staleness */
    boolean isKnownLive(String key) {
        Slot slot = slots.get(key);
        if (!(slot instanceof Live live)) {
            return false;
        }
        if (live.epoch == epoch.get() && nanoTime.getAsLong() - live.freshUntilNanos < 0) {
            return true;
        }
        remove(key, slot);
        return false;
    }

    /**
     * Call right before the read of the key is sent.
     *
     * @return the ticket for {@link #readCompleted}, or null when the answer must not be cached (tracking is off,
     *     or the cache is full)
     */
    Pending readStarting(String key) {
        long current = epoch.get();
        if (!isTracked(current) || !reserve()) {
            return null;
        }
        Pending ticket = new Pending(current, nanoTime.getAsLong());
        if (slots.put(key, ticket) != null) {
            reserved.decrementAndGet();
        }
        return ticket;
    }

    /**
     * Caches a live answer, unless the key was invalidated since the read began.
     *
     * @param ticket from {@link #readStarting}; null does nothing
     * @param remainingMillis the token key's remaining lifetime as Redis stated it ({@code PTTL}): negative
     *     for no expiry, never called for a missing key
     */
    void readCompleted(String key, Pending ticket, long remainingMillis) {
        if (ticket == null) {
            return;
        }
        long lifetime = remainingMillis < 0 ? maxStalenessNanos
                : Math.min(maxStalenessNanos, Duration.ofMillis(remainingMillis).toNanos());
        // measured from when the read was sent: Redis stated the lifetime later, so this ends no later than the key
        long freshUntil = ticket.startedNanos + lifetime;
        if (nanoTime.getAsLong() - freshUntil >= 0 || !slots.replace(key, ticket, new Live(ticket.epoch, freshUntil))) {
            remove(key, ticket);
        }
    }

    /** Drops the ticket of a read whose answer was "not live" or a failure. Null does nothing. */
    void readAbandoned(String key, Pending ticket) {
        if (ticket != null) {
            remove(key, ticket);
        }
    }

    /** The key changed in Redis, or was written here: its answer, or its read in flight, is void. */
    void invalidate(String key) {
        if (slots.remove(key) != null) {
            reserved.decrementAndGet();
        }
    }

    /** @param keyPrefix every key starting so is invalidated, e.g. all tokens of an owner */
    void invalidateAll(String keyPrefix) {
        removeIf(key -> key.startsWith(keyPrefix));
    }

    /** Redis was flushed: every answer is void, tracking goes on. */
    void invalidateAll() {
        removeIf(key -> true);
    }

    /** The tracking connection dropped, or a read on it failed: nothing cached may be served from now on. */
    void trackingLost() {
        epoch.updateAndGet(current -> isTracked(current) ? current + 1 : current + 2);
        invalidateAll();
    }

    /** @return the epoch to hand to {@link #trackingEnabled} once Redis confirms tracking */
    long untrackedEpoch() {
        return epoch.get();
    }

    /**
     * Redis confirmed {@code CLIENT TRACKING on} for a command sent during the given epoch.
     *
     * @return true if answers are cached from now on; false if tracking was lost in between
     */
    boolean trackingEnabled(long untrackedEpoch) {
        return !isTracked(untrackedEpoch) && epoch.compareAndSet(untrackedEpoch, untrackedEpoch + 1);
    }

    /** @return true while answers may be cached and served */
    boolean isTracking() {
        return isTracked(epoch.get());
    }

    /** @return how many entries (answers and reads in flight) the map holds; exact only when no call runs */
    int size() {
        return slots.size();
    }

    /**
     * @return the slots taken: what the bound is enforced on, exact at every instant (the map's own size is an
     *     estimate while other threads change it)
     */
    int reservedSlots() {
        return reserved.get();
    }

    private static boolean isTracked(long epoch) {
        return (epoch & 1) == 1;
    }

    private boolean reserve() {
        boolean evicted = false;
        while (true) {
            int count = reserved.get();
            if (count < maxEntries) {
                if (reserved.compareAndSet(count, count + 1)) {
                    return true;
                }
            } else if (evicted || !evictBatch()) {
                return false;
            } else {
                evicted = true;
            }
        }
    }

    private boolean evictBatch() {
        if (!eviction.tryLock()) {
            return false;
        }
        try {
            int quota = Math.max(1, maxEntries / EVICTION_BATCH_DIVISOR);
            long current = epoch.get();
            long now = nanoTime.getAsLong();
            for (Map.Entry<String, Slot> entry : slots.entrySet()) {
                Slot slot = entry.getValue();
                boolean stale = slot.epoch != current || slot instanceof Live live && now - live.freshUntilNanos >= 0;
                if (!stale && quota-- <= 0) {
                    break;
                }
                remove(entry.getKey(), slot);
            }
            return true;
        } finally {
            eviction.unlock();
        }
    }

    private void removeIf(Predicate<String> matches) {
        for (String key : slots.keySet()) {
            if (matches.test(key)) {
                invalidate(key);
            }
        }
    }

    private boolean remove(String key, Slot slot) {
        if (slots.remove(key, slot)) {
            reserved.decrementAndGet();
            return true;
        }
        return false;
    }
}
