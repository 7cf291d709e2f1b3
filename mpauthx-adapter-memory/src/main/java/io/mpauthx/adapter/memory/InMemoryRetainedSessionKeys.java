package io.mpauthx.adapter.memory;

import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.port.out.RetainedSessionKeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sealed session keys in process memory, by owner, each dropped when read after its retention. */
final class InMemoryRetainedSessionKeys implements RetainedSessionKeys {

    private record Kept(String sealed, Instant until) {
    }

    private final Clock clock;
    private final Map<TokenOwner, Kept> byOwner = new ConcurrentHashMap<>();

    InMemoryRetainedSessionKeys(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void keep(TokenOwner owner, String sealed, Duration retention) {
        byOwner.put(owner, new Kept(sealed, clock.instant().plus(retention)));
    }

    @Override
    public Optional<String> find(TokenOwner owner) {
        Kept kept = byOwner.get(owner);
        if (kept == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(kept.until())) {
            byOwner.remove(owner, kept);
            return Optional.empty();
        }
        return Optional.of(kept.sealed());
    }

    @Override
    public boolean forget(TokenOwner owner) {
        Kept gone = byOwner.remove(owner);
        return gone != null && clock.instant().isBefore(gone.until());
    }
}
