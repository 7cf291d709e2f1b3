package io.mpauthx.adapter.memory;

import io.mpauthx.domain.port.out.RetainedSessionKeys;
import io.mpauthx.domain.port.out.SharedAppAccessToken;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;

import java.time.Clock;
import java.util.Objects;

/**
 * The in-memory adapters: production quality for a single process (thread-safe, bounded by what is live),
 * and the stores users put in their own tests. Nothing survives the process.
 */
public final class InMemoryAdapters {

    private InMemoryAdapters() {
    }

    /**
     * @param clock the time tokens are issued and expire by; a test can pass a clock it moves
     * @return a new, empty token store
     */
    public static TokenStore tokenStore(Clock clock) {
        return new InMemoryTokenStore(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @param clock the time users are stamped with
     * @return a new, empty user repository
     */
    public static UserRepository userRepository(Clock clock) {
        return new InMemoryUserRepository(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @param clock the time the token and the refresh lease expire by
     * @return where this process keeps the app's WeChat access_token; shared by everything that holds it
     */
    public static SharedAppAccessToken sharedAppAccessToken(Clock clock) {
        return new InMemorySharedAppAccessToken(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @param clock the time retained keys expire by
     * @return where this process keeps the sealed session keys of its users
     */
    public static RetainedSessionKeys retainedSessionKeys(Clock clock) {
        return new InMemoryRetainedSessionKeys(Objects.requireNonNull(clock, "clock"));
    }
}
