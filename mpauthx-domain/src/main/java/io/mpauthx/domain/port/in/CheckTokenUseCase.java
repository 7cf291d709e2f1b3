package io.mpauthx.domain.port.in;

import io.mpauthx.domain.MpAuthXException;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Checking and reading the token an API call carries: the hot path. */
public interface CheckTokenUseCase {

    /**
     * @param token anything the caller received; null and garbage are fine
     * @return true only if the token is well-formed, issued for this sku, not expired and not revoked
     * @throws MpAuthXException 6000 when the token store failed: that is not "invalid"
     */
    boolean isTokenValid(String token);

    /**
     * {@link #isTokenValid} for non-blocking servers.
     *
     * @param token anything the caller received
     * @return a stage with the answer, or failed with {@link MpAuthXException} 6000 when the store failed
     */
    CompletionStage<Boolean> isTokenValidAsync(String token);

    /**
     * Pure parsing, no I/O.
     *
     * @param token anything
     * @return the user id part of a well-formed token, else empty
     */
    Optional<String> extractUserId(String token);

    /**
     * Pure parsing and hashing, no I/O.
     *
     * @param token anything
     * @return the public id of a well-formed token of this sku (the one {@code activeTokens} lists), else empty
     */
    Optional<String> tokenId(String token);

    /**
     * Pure parsing, no I/O.
     *
     * @param token anything
     * @return the sku part of a well-formed token, else empty
     */
    Optional<String> extractSku(String token);
}
