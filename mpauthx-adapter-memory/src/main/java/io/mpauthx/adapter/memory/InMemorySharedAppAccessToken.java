package io.mpauthx.adapter.memory;

import io.mpauthx.domain.port.out.SharedAppAccessToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's access_token for the one process the in-memory token store serves: the "every instance" it shares with
 * is this process. Time is the clock's, like the tokens'.
 */
final class InMemorySharedAppAccessToken implements SharedAppAccessToken {

    private final Clock clock;
    private String token;
    private Instant usableUntil = Instant.MIN;
    private String leaseHolder;
    private Instant leaseEnds = Instant.MIN;

    InMemorySharedAppAccessToken(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<String> read() {
        return token != null && clock.instant().isBefore(usableUntil) ? Optional.of(token) : Optional.empty();
    }

    @Override
    public synchronized void write(String newToken, Duration keepFor) {
        token = Objects.requireNonNull(newToken, "token");
        usableUntil = clock.instant().plus(keepFor);
    }

    @Override
    public synchronized boolean tryAcquireRefresh(String holder, Duration lease) {
        Instant now = clock.instant();
        if (leaseHolder != null && now.isBefore(leaseEnds)) {
            return false;
        }
        leaseHolder = Objects.requireNonNull(holder, "holder");
        leaseEnds = now.plus(lease);
        return true;
    }

    @Override
    public synchronized void releaseRefresh(String holder) {
        if (Objects.equals(leaseHolder, holder)) {
            leaseHolder = null;
        }
    }

    @Override
    public String toString() {
        return "InMemorySharedAppAccessToken[<redacted>]";
    }
}
