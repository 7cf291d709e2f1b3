package io.mpauthx.domain.cache;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The positive answers of token checks, grouped by owner key, bounded in owners; thread-safe, no I/O. The store's
 * server keeps it honest through the adapter (Redis client tracking, PostgreSQL {@code LISTEN/NOTIFY}): a change to
 * an owner's tokens {@link #invalidate voids} every answer about that owner, a lost invalidation channel
 * {@link #trackingLost() ends the epoch}, and a heartbeat {@link #confirmed confirms} the channel at least every
 * heartbeat bound, or nothing is served.
 *
 * <p><b>Epochs.</b> Answers are served only within the epoch they were read in, and only while the channel is on
 * ("tracking"): odd epochs are tracked, even ones are not. Losing the channel moves to the next even epoch
 * <em>before</em> the map is cleared, so an answer whose read began before the loss, and which lands after the
 * clear, is never served.
 *
 * <p><b>Confirmation.</b> A heartbeat sent at time {@code s} and answered on the channel proves that every
 * invalidation the server owed it for changes before {@code s} has been applied (the server sends them ahead of the
 * reply, and the adapter applies them before confirming). Answers are served only until {@code s + bound}: on a link
 * that went silent without closing, nothing cached is served longer than the bound after the last proof that
 * invalidations still arrive.
 *
 * <p><b>Reads in flight.</b> A read first puts (or finds) the owner's slot; its answer joins exactly that slot. An
 * invalidation that arrives while the read is in flight removes the slot, so the answer, possibly older than the
 * change, joins a slot nobody can see.
 *
 * <p><b>Bound.</b> A counter reserves a slot before one is added, so the map never holds more than
 * {@code maxOwners}. An owner's slot holds at most one answer per live token of that owner, as any change to the
 * owner's tokens voids the whole slot. When full, one thread at a time evicts a batch: stale slots, then slots in
 * the map's hash order (a random replacement; every answer is gone after the maximum staleness anyway). A check
 * that finds the cache full while another thread evicts is simply not cached.
 */
public final class NearCache {

    private static final int EVICTION_BATCH_DIVISOR = 32;

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong trustedUntilNanos;
    private final ReentrantLock eviction = new ReentrantLock();
    private final int maxOwners;
    private final long maxStalenessNanos;
    private final long confirmationBoundNanos;
    private final LongSupplier nanoTime;

    /**
     * @param maxOwners how many owners' answers to keep at most
     * @param maxStaleness how long one answer may be served at most
     * @param confirmationBound how long after a confirmed heartbeat was sent answers may still be served
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    public NearCache(int maxOwners, Duration maxStaleness, Duration confirmationBound, LongSupplier nanoTime) {
        this.maxOwners = maxOwners;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.confirmationBoundNanos = confirmationBound.toNanos();
        this.nanoTime = nanoTime;
        this.trustedUntilNanos = new AtomicLong(nanoTime.getAsLong());
    }

    /** One answer: the token is live until {@code freshUntilNanos}. */
    private record Answer(String hash, long freshUntilNanos) {
    }

    /** The answers about one owner, read within one epoch. Compared by identity. */
    public static final class Slot {
        private static final Answer[] NONE = {};

        private final long epoch;
        private volatile Answer[] answers = NONE;

        private Slot(long epoch) {
            this.epoch = epoch;
        }

        private Answer find(String hash) {
            for (Answer answer : answers) {
                if (answer.hash.equals(hash)) {
                    return answer;
                }
            }
            return null;
        }

        /** Copy-on-write: an owner has a handful of tokens, and reads outnumber writes by far. */
        private synchronized void put(Answer added) {
            Answer[] current = answers;
            Answer[] next = Arrays.copyOf(current, current.length + 1);
            int kept = 0;
            for (Answer answer : current) {
                if (!answer.hash.equals(added.hash)) {
                    next[kept++] = answer;
                }
            }
            next[kept++] = added;
            answers = kept == next.length ? next : Arrays.copyOf(next, kept);
        }

        private synchronized void drop(Answer dropped) {
            answers = Arrays.stream(answers).filter(answer -> answer != dropped).toArray(Answer[]::new);
        }
    }

    /** A read of one owner's token, begun at {@code startedNanos}; the caller hands it back with the answer. */
    public record Ticket(String ownerKey, Slot slot, long startedNanos) {
    }

    /**
     * @return true if the token is known live: read in this tracked epoch, within its expiry and staleness, and the
     *     link confirmed within the bound
     */
    public boolean isKnownLive(String ownerKey, String hash) {
        Slot slot = slots.get(ownerKey);
        if (slot == null) {
            return false;
        }
        if (slot.epoch != epoch.get()) {
            remove(ownerKey, slot);
            return false;
        }
        Answer answer = slot.find(hash);
        if (answer == null) {
            return false;
        }
        long now = nanoTime.getAsLong();
        if (now - answer.freshUntilNanos >= 0) {
            slot.drop(answer);
            return false;
        }
        return now - trustedUntilNanos.get() < 0;
    }

    /**
     * Call right before the read is sent.
     *
     * @return the ticket for {@link #readCompleted}, or null when the answer must not be cached (tracking is off,
     *     or the cache is full)
     */
    public Ticket readStarting(String ownerKey) {
        long current = epoch.get();
        if (!isTracked(current)) {
            return null;
        }
        Slot existing = slots.get(ownerKey);
        if (existing != null && existing.epoch == current) {
            return new Ticket(ownerKey, existing, nanoTime.getAsLong());
        }
        if (existing == null && !reserve()) {
            return null;
        }
        Slot fresh = new Slot(current);
        boolean placed = existing == null ? slots.putIfAbsent(ownerKey, fresh) == null
                : slots.replace(ownerKey, existing, fresh);
        if (!placed) {
            if (existing == null) {
                reserved.decrementAndGet();
            }
            return null;
        }
        return new Ticket(ownerKey, fresh, nanoTime.getAsLong());
    }

    /**
     * Caches a live answer, unless the owner's key was invalidated since the read began.
     *
     * @param ticket from {@link #readStarting}; null does nothing
     * @param hash the token's hash
     * @param remainingMillis the token's remaining lifetime as the server stated it
     */
    public void readCompleted(Ticket ticket, String hash, long remainingMillis) {
        if (ticket == null) {
            return;
        }
        long lifetime = Math.min(maxStalenessNanos, Duration.ofMillis(Math.max(0, remainingMillis)).toNanos());
        // measured from when the read was sent: the server stated the lifetime later, so this ends no later than the token
        long freshUntil = ticket.startedNanos + lifetime;
        if (nanoTime.getAsLong() - freshUntil < 0 && slots.get(ticket.ownerKey) == ticket.slot) {
            ticket.slot.put(new Answer(hash, freshUntil));
        }
    }

    /** The read found no live token, or failed: an owner slot left without answers goes. Null does nothing. */
    public void readAbandoned(Ticket ticket) {
        if (ticket != null && ticket.slot.answers.length == 0) {
            remove(ticket.ownerKey, ticket.slot);
        }
    }

    /** The owner's tokens changed on the server, or were written here: every answer about the owner is void. */
    public void invalidate(String ownerKey) {
        if (slots.remove(ownerKey) != null) {
            reserved.decrementAndGet();
        }
    }

    /** Everything on the server may have changed (Redis was flushed): every answer is void, tracking goes on. */
    public void invalidateAll() {
        for (String ownerKey : slots.keySet()) {
            invalidate(ownerKey);
        }
    }

    /** The invalidation channel dropped, or a read or heartbeat failed: nothing cached may be served. */
    public void trackingLost() {
        epoch.updateAndGet(current -> isTracked(current) ? current + 1 : current + 2);
        invalidateAll();
    }

    /** @return the epoch to hand to {@link #trackingEnabled} once the server confirms the channel */
    public long untrackedEpoch() {
        return epoch.get();
    }

    /**
     * The server confirmed the invalidation channel (Redis: {@code CLIENT TRACKING on}; PostgreSQL: {@code LISTEN})
     * for a command sent during the given epoch, at the given time.
     *
     * @return true if answers are cached from now on; false if tracking was lost in between
     */
    public boolean trackingEnabled(long untrackedEpoch, long sentNanos) {
        if (isTracked(untrackedEpoch) || !epoch.compareAndSet(untrackedEpoch, untrackedEpoch + 1)) {
            return false;
        }
        confirmed(sentNanos);
        return true;
    }

    /** A heartbeat sent at {@code sentNanos} was answered on the current invalidation channel. */
    public void confirmed(long sentNanos) {
        long until = sentNanos + confirmationBoundNanos;
        trustedUntilNanos.accumulateAndGet(until, (current, offered) -> offered - current > 0 ? offered : current);
    }

    /** @return true if the last confirmation is older than the bound: the link may be silently dead */
    public boolean isUnconfirmed() {
        return nanoTime.getAsLong() - trustedUntilNanos.get() >= 0;
    }

    /** @return true while answers may be cached and served */
    public boolean isTracking() {
        return isTracked(epoch.get());
    }

    /** @return how many owners the map holds; exact only when no call runs */
    public int size() {
        return slots.size();
    }

    /**
     * @return the slots taken: what the bound is enforced on, exact at every instant (the map's own size is an
     *     estimate while other threads change it)
     */
    public int reservedSlots() {
        return reserved.get();
    }

    private static boolean isTracked(long epoch) {
        return (epoch & 1) == 1;
    }

    private boolean reserve() {
        boolean evicted = false;
        while (true) {
            int count = reserved.get();
            if (count < maxOwners) {
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
            int quota = Math.max(1, maxOwners / EVICTION_BATCH_DIVISOR);
            long current = epoch.get();
            for (Map.Entry<String, Slot> entry : slots.entrySet()) {
                Slot slot = entry.getValue();
                boolean stale = slot.epoch != current || slot.answers.length == 0;
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

    private void remove(String ownerKey, Slot slot) {
        if (slots.remove(ownerKey, slot)) {
            reserved.decrementAndGet();
        }
    }
}
