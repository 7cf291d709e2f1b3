package io.mpauthx.domain.port.out;

import io.mpauthx.domain.MpAuthXException;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the app's {@code access_token} is kept for every instance of the application, with the lease that lets
 * one of them at a time refresh it. Lives beside the tokens (Redis for the Redis token store, memory for the
 * in-memory one). The token is a secret: implementations never log it.
 *
 * <p>Every method throws {@link MpAuthXException} 6000 when the backend failed. Thread-safe.
 */
public interface SharedAppAccessToken {

    /** @return the shared token while it is to be used, else empty (never stored, or its time is up) */
    Optional<String> read();

    /**
     * @param token the token every instance is to use from now on
     * @param keepFor how long it is to be used; afterwards {@link #read()} answers empty
     */
    void write(String token, Duration keepFor);

    /**
     * Takes the refresh lease unless another holder has it. A lease ends by {@link #releaseRefresh} or by itself
     * after {@code lease}, so a holder that died never blocks the others for longer.
     *
     * @param holder who asks, unique per instance
     * @param lease the longest the lease is held
     * @return true if {@code holder} now holds the lease
     */
    boolean tryAcquireRefresh(String holder, Duration lease);

    /**
     * Ends the lease if {@code holder} still holds it; a lease that expired and was taken by another is left alone.
     *
     * @param holder who took it
     */
    void releaseRefresh(String holder);
}
