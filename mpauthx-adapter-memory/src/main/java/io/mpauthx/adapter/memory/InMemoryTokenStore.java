package io.mpauthx.adapter.memory;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenId;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Tokens per owner as small immutable lists (oldest first) swapped atomically with
 * {@link ConcurrentMap#compute}, so the hot-path read takes no lock. Expired tokens are reclaimed by the writes
 * themselves: every write also drains a few entries from an expiry queue, so memory stays bounded by what is
 * live without a background sweeper.
 */
final class InMemoryTokenStore implements TokenStore {

    /** Enough to outpace issuing (each write issues at most one token) and keep the queue short. */
    private static final int EXPIRED_OWNERS_RECLAIMED_PER_WRITE = 8;

    private final Clock clock;
    private final ConcurrentMap<TokenOwner, List<Entry>> tokensByOwner = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Entry> expiryQueue = new ConcurrentSkipListSet<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;

    InMemoryTokenStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner) {
        Entry issued = newEntry(owner, token);
        write(owner, current -> {
            List<Entry> kept = liveOnly(current, issued.token.issuedAt());
            kept.add(issued);
            expiryQueue.add(issued);
            while (kept.size() > maxTokensPerOwner) {
                expiryQueue.remove(kept.remove(0));
            }
            return kept;
        });
        return issued.token;
    }

    @Override
    public StoredToken replaceAll(TokenOwner owner, NewToken token) {
        Entry issued = newEntry(owner, token);
        write(owner, current -> {
            current.forEach(expiryQueue::remove);
            expiryQueue.add(issued);
            return List.of(issued);
        });
        return issued.token;
    }

    @Override
    public boolean isLive(TokenOwner owner, TokenHash hash) {
        ensureOpen();
        List<Entry> entries = tokensByOwner.get(owner);
        if (entries == null) {
            return false;
        }
        Instant now = clock.instant();
        for (Entry entry : entries) {
            if (entry.token.hash().equals(hash)) {
                return entry.token.isLiveAt(now);
            }
        }
        return false;
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenHash hash) {
        return revokeWhere(owner, stored -> stored.hash().equals(hash));
    }

    @Override
    public boolean revoke(TokenOwner owner, TokenId id) {
        return revokeWhere(owner, stored -> id.names(stored.hash()));
    }

    private boolean revokeWhere(TokenOwner owner, Predicate<StoredToken> matches) {
        boolean[] wasLive = new boolean[1];
        write(owner, current -> {
            List<Entry> kept = liveOnly(current, clock.instant());
            wasLive[0] = kept.removeIf(entry -> {
                boolean match = matches.test(entry.token);
                if (match) {
                    expiryQueue.remove(entry);
                }
                return match;
            });
            return kept;
        });
        return wasLive[0];
    }

    @Override
    public int revokeAll(TokenOwner owner) {
        int[] revoked = new int[1];
        write(owner, current -> {
            List<Entry> live = liveOnly(current, clock.instant());
            revoked[0] = live.size();
            live.forEach(expiryQueue::remove);
            return List.of();
        });
        return revoked[0];
    }

    @Override
    public List<StoredToken> liveTokens(TokenOwner owner) {
        ensureOpen();
        List<Entry> entries = tokensByOwner.getOrDefault(owner, List.of());
        Instant now = clock.instant();
        return entries.stream().map(entry -> entry.token).filter(token -> token.isLiveAt(now)).toList();
    }

    @Override
    public void close() {
        closed = true;
        tokensByOwner.clear();
        expiryQueue.clear();
    }

    /** How many tokens are held, live or not yet reclaimed; for tests of the memory bound. */
    int heldTokens() {
        return expiryQueue.size();
    }

    private Entry newEntry(TokenOwner owner, NewToken token) {
        Instant now = clock.instant();
        return new Entry(owner, new StoredToken(token.hash(), now, now.plus(token.ttl()), token.device()),
                sequence.incrementAndGet());
    }

    private void write(TokenOwner owner, UnaryOperator<List<Entry>> change) {
        ensureOpen();
        tokensByOwner.compute(owner, (key, current) -> {
            List<Entry> changed = change.apply(current == null ? List.of() : current);
            return changed.isEmpty() ? null : List.copyOf(changed);
        });
        reclaimExpired();
    }

    /** Drops the expired tokens of the owners whose tokens expired first; runs outside any compute. */
    private void reclaimExpired() {
        Instant now = clock.instant();
        for (int i = 0; i < EXPIRED_OWNERS_RECLAIMED_PER_WRITE; i++) {
            // an iterator, not isEmpty() then first(): another writer may drain the queue in between
            Iterator<Entry> byExpiry = expiryQueue.iterator();
            Entry oldest = byExpiry.hasNext() ? byExpiry.next() : null;
            if (oldest == null || oldest.token.isLiveAt(now)) {
                return;
            }
            tokensByOwner.computeIfPresent(oldest.owner, (key, current) -> {
                List<Entry> kept = liveOnly(current, now);
                return kept.isEmpty() ? null : List.copyOf(kept);
            });
            expiryQueue.remove(oldest);
        }
    }

    private List<Entry> liveOnly(List<Entry> entries, Instant now) {
        List<Entry> live = new ArrayList<>(entries.size() + 1);
        for (Entry entry : entries) {
            if (entry.token.isLiveAt(now)) {
                live.add(entry);
            } else {
                expiryQueue.remove(entry);
            }
        }
        return live;
    }

    private void ensureOpen() {
        if (closed) {
            throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "the in-memory token store is closed");
        }
    }

    /** A held token; ordered by expiry (then issue order) for the reclaim queue. */
    private record Entry(TokenOwner owner, StoredToken token, long sequence) implements Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byExpiry = token.expiresAt().compareTo(other.token.expiresAt());
            return byExpiry != 0 ? byExpiry : Long.compare(sequence, other.sequence);
        }
    }
}
