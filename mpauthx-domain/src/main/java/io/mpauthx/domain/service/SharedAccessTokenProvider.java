package io.mpauthx.domain.service;

import io.mpauthx.domain.AppAccessToken;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.AppCredentials;
import io.mpauthx.domain.port.out.SharedAppAccessToken;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The app's {@code access_token}, one for every instance: read from the shared store, fetched from
 * {@code stable_token} by one caller at a time (a lock within the instance, the store's lease across instances),
 * and replaced at most once per call when WeChat rejects it (40001 invalid, 42001 expired).
 */
final class SharedAccessTokenProvider {

    /** How much earlier than WeChat's expiry the token is given up, so that no call carries one about to die. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    private static final Set<Integer> TOKEN_REJECTED = Set.of(40001, 42001);
    private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final AppCredentials weChat;
    private final SharedAppAccessToken shared;
    private final Duration lease;
    private final String holder = UUID.randomUUID().toString();
    private final ReentrantLock oneRefresherHere = new ReentrantLock();

    SharedAccessTokenProvider(AppCredentials weChat, SharedAppAccessToken shared, Duration lease) {
        this.weChat = weChat;
        this.shared = shared;
        this.lease = lease;
    }

    /**
     * Calls a server API with the current token; when WeChat rejects the token, replaces it once and calls again.
     * A second rejection is the caller's failure (6008 with WeChat's errcode), never a loop.
     */
    <T> T call(Function<String, T> serverApi) {
        String token = current();
        try {
            return serverApi.apply(token);
        } catch (MpAuthXException failure) {
            if (!isTokenRejection(failure.weChatErrorCode())) {
                throw failure;
            }
            return serverApi.apply(refreshed(Optional.of(token)));
        }
    }

    private String current() {
        return shared.read().orElseGet(() -> refreshed(Optional.empty()));
    }

    private static boolean isTokenRejection(OptionalInt errcode) {
        return errcode.isPresent() && TOKEN_REJECTED.contains(errcode.getAsInt());
    }

    /**
     * A token other than {@code rejected}: the one another caller stored meanwhile, else a fetched one. Waits for a
     * holder of the lease at most as long as the lease lasts, then takes it over.
     */
    private String refreshed(Optional<String> rejected) {
        oneRefresherHere.lock();
        try {
            long giveUpAt = System.nanoTime() + 2 * lease.toNanos();
            while (true) {
                Optional<String> stored = usable(rejected);
                if (stored.isPresent()) {
                    return stored.get();
                }
                if (shared.tryAcquireRefresh(holder, lease)) {
                    return fetchHoldingLease(rejected);
                }
                waitForHolder(giveUpAt);
            }
        } finally {
            oneRefresherHere.unlock();
        }
    }

    private Optional<String> usable(Optional<String> rejected) {
        return shared.read().filter(token -> rejected.map(bad -> !bad.equals(token)).orElse(true));
    }

    private String fetchHoldingLease(Optional<String> rejected) {
        try {
            // another instance may have stored one between our read and our lease
            Optional<String> stored = usable(rejected);
            if (stored.isPresent()) {
                return stored.get();
            }
            AppAccessToken fresh = weChat.fetchStableToken(rejected.isPresent());
            shared.write(fresh.value(), keepFor(fresh.expiresIn()));
            return fresh.value();
        } finally {
            shared.releaseRefresh(holder);
        }
    }

    /** Given up {@link #REFRESH_AHEAD} early, or halfway for the short lives of test servers. */
    static Duration keepFor(Duration expiresIn) {
        Duration ahead = REFRESH_AHEAD.compareTo(expiresIn.dividedBy(2)) < 0 ? REFRESH_AHEAD : expiresIn.dividedBy(2);
        Duration kept = expiresIn.minus(ahead);
        return kept.isZero() ? Duration.ofMillis(1) : kept;
    }

    private static void waitForHolder(long giveUpAt) {
        if (System.nanoTime() - giveUpAt > 0) {
            throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, "the refresh lease of the app's "
                    + "access_token stayed taken longer than it may last; the shared store is not keeping leases");
        }
        LockSupport.parkNanos(WAIT_STEP_NANOS);
        if (Thread.currentThread().isInterrupted()) {
            throw new MpAuthXException(StatusCode.HTTP_REQUEST_ERROR_EVENT,
                    "interrupted while another instance refreshed the app's access_token");
        }
    }
}
