package io.mpauthx.domain.testing;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The simplest token store that keeps the port's promises: one lock, a list per owner, the clock read on every
 * call. For the domain's own tests of its use cases; the adapters have the real ones.
 */
public final class FakeTokenStore implements TokenStore {

    private final Clock clock;
    private final Map<TokenOwner, List<StoredToken>> tokens = new HashMap<>();
    private boolean closed;

    /** @param clock what "now" is */
    public FakeTokenStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StoredToken issue(TokenOwner owner, NewToken token, int maxTokensPerOwner) {
        List<StoredToken> live = live(owner);
        StoredToken stored = stored(token);
        live.add(stored);
        live.sort(Comparator.comparing(StoredToken::issuedAt));
        while (live.size() > maxTokensPerOwner) {
            live.remove(0);
        }
        return stored;
    }

    @Override
    public synchronized StoredToken replaceAll(TokenOwner owner, NewToken token) {
        List<StoredToken> live = live(owner);
        live.clear();
        StoredToken stored = stored(token);
        live.add(stored);
        return stored;
    }

    @Override
    public synchronized boolean isLive(TokenOwner owner, TokenHash hash) {
        return live(owner).stream().anyMatch(token -> token.hash().equals(hash));
    }

    @Override
    public synchronized boolean revoke(TokenOwner owner, TokenHash hash) {
        return remove(owner, token -> token.hash().equals(hash));
    }

    @Override
    public synchronized boolean revoke(TokenOwner owner, TokenId id) {
        return remove(owner, token -> id.names(token.hash()));
    }

    @Override
    public synchronized int revokeAll(TokenOwner owner) {
        int revoked = live(owner).size();
        tokens.remove(owner);
        return revoked;
    }

    @Override
    public synchronized List<StoredToken> liveTokens(TokenOwner owner) {
        return List.copyOf(live(owner));
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private boolean remove(TokenOwner owner, Predicate<StoredToken> matches) {
        return live(owner).removeIf(matches);
    }

    /** The owner's list with the expired tokens dropped; fails as a real store does once closed. */
    private List<StoredToken> live(TokenOwner owner) {
        if (closed) {
            throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "the fake token store is closed");
        }
        Instant now = clock.instant();
        List<StoredToken> list = tokens.computeIfAbsent(owner, any -> new ArrayList<>());
        list.removeIf(token -> !token.isLiveAt(now));
        return list;
    }

    private StoredToken stored(NewToken token) {
        Instant now = clock.instant();
        return new StoredToken(token.hash(), now, now.plus(token.ttl()), token.device());
    }
}
