package io.mpauthx.domain.port.out;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.TokenOwner;

import java.time.Duration;
import java.util.Optional;

/**
 * The newest sealed session_key of each user, kept for a bounded time beside the user's tokens (the same Redis
 * hash tag, the same in-memory store), so that payloads encrypted with it can be decrypted after login. Holds only
 * what a {@link SessionKeySealer} sealed; never a session_key in clear.
 *
 * <p>Every method throws {@link MpAuthXException} 6000 when the backend failed. Thread-safe.
 */
public interface RetainedSessionKeys {

    /**
     * Replaces the user's retained key.
     *
     * @param owner whose key it is
     * @param sealed the sealed session_key
     * @param retention how long it is kept; afterwards {@link #find} answers empty
     */
    void keep(TokenOwner owner, String sealed, Duration retention);

    /**
     * @param owner whose key is wanted
     * @return the sealed key, or empty when none is kept (never kept, expired or forgotten)
     */
    Optional<String> find(TokenOwner owner);

    /**
     * @param owner whose key to drop
     * @return true if a key was kept and is now gone
     */
    boolean forget(TokenOwner owner);
}
