package io.mpauthx.adapter.memory;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.NewToken;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.StoredToken;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.TokenStoreContract;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.domain.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryTokenStoreTest extends TokenStoreContract {

    @Override
    protected TokenStore newStore() {
        return InMemoryAdapters.tokenStore(Clock.systemUTC());
    }

    @Test
    void tokenExpiresByTheInjectedClock() {
        SettableClock clock = new SettableClock();
        TokenStore timed = InMemoryAdapters.tokenStore(clock);
        TokenOwner owner = newOwner();
        TokenHash hash = newHash();
        timed.issue(owner, NewToken.of(hash, Duration.ofMinutes(5)), 10);

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(timed.isLive(owner, hash)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(timed.isLive(owner, hash)).isFalse();
        assertThat(timed.liveTokens(owner)).isEmpty();
    }

    @Test
    void expiredTokensOfOwnersWhoNeverReturnAreReclaimedByLaterWrites() {
        SettableClock clock = new SettableClock();
        InMemoryTokenStore timed = (InMemoryTokenStore) InMemoryAdapters.tokenStore(clock);
        for (int i = 0; i < 10_000; i++) {
            timed.issue(newOwner(), NewToken.of(newHash(), Duration.ofMinutes(1)), 10);
        }
        clock.advance(Duration.ofMinutes(2));

        for (int i = 0; i < 10_000; i++) {
            TokenOwner owner = newOwner();
            timed.issue(owner, NewToken.of(newHash(), Duration.ofMinutes(1)), 10);
            timed.revokeAll(owner);
        }

        assertThat(timed.heldTokens()).isZero();
    }

    @Test
    void reclaimingUnderConcurrentWritesKeepsEveryPromise() throws Exception {
        SettableClock clock = new SettableClock();
        InMemoryTokenStore timed = (InMemoryTokenStore) InMemoryAdapters.tokenStore(clock);

        List<List<String>> brokenPromises = Concurrently.run(8, thread -> {
            List<String> broken = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                TokenOwner owner = newOwner();
                StoredToken first = timed.issue(owner, NewToken.of(newHash(), Duration.ofSeconds(1)), 10);
                if (thread == 0) {
                    clock.advance(Duration.ofMillis(500));
                }
                StoredToken replacement = timed.replaceAll(owner, NewToken.of(newHash(), Duration.ofSeconds(1)));
                if (timed.isLive(owner, first.hash())) {
                    broken.add("round " + i + ": a replaced token is still live");
                }
                if (timed.liveTokens(owner).size() > 1) {
                    broken.add("round " + i + ": more than one token live after replaceAll");
                }
                timed.revokeAll(owner);
                if (timed.isLive(owner, replacement.hash()) || !timed.liveTokens(owner).isEmpty()) {
                    broken.add("round " + i + ": a token is live after revokeAll");
                }
            }
            return broken;
        });

        assertThat(brokenPromises).allSatisfy(broken -> assertThat(broken).isEmpty());
        assertThat(timed.heldTokens()).isZero();
    }

    @Test
    void revokedAndCappedTokensLeaveNothingBehind() {
        InMemoryTokenStore held = (InMemoryTokenStore) store;
        TokenOwner owner = newOwner();
        for (int i = 0; i < 100; i++) {
            held.issue(owner, NewToken.of(newHash(), LONG_TTL), 3);
        }
        assertThat(held.heldTokens()).isEqualTo(3);
        held.replaceAll(owner, NewToken.of(newHash(), LONG_TTL));
        assertThat(held.heldTokens()).isEqualTo(1);
        held.revokeAll(owner);
        assertThat(held.heldTokens()).isZero();
    }

    @Test
    void closedStoreRefusesCalls() {
        TokenStore closed = newStore();
        closed.close();
        assertThatThrownBy(() -> closed.isLive(newOwner(), newHash()))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
    }
}
